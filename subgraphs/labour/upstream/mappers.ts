import type { z } from 'zod';
import type { LabourReport } from '../domain/types.ts';
import type { tongHopNamSchema } from './schemas.ts';

/** Wire yearly summary → domain report: NFC text, percent → fraction, timestamp → UTC ISO. */
export function toLabourReport(w: z.output<typeof tongHopNamSchema>): LabourReport {
  return {
    reportId: w.MaBaoCao,
    code: w.MaTinh,
    name: w.TenTinh.normalize('NFC'),
    year: w.Nam,
    from: w.TuNgay,
    to: w.DenNgay,
    coveredCodes: w.PhamViMaTinh,
    updatedAt: new Date(w.NgayCapNhat).toISOString(),
    synthetic: w.LaSoLieuMoPhong,
    note: w.GhiChu?.normalize('NFC') ?? null,
    figures: {
      labourForce: w.LucLuongLaoDong,
      employed: w.SoNguoiCoViecLam,
      unemployed: w.SoNguoiThatNghiep,
      trainedWorkers: w.SoLaoDongQuaDaoTao,
      digitallySkilledWorkers: w.SoLaoDongCoKyNangSo,
      jobSeekers: w.SoNguoiTimViec,
      vacancies: w.SoViecLamTrong,
      underemploymentRate: w.TyLeThieuViecLam === null ? null : w.TyLeThieuViecLam / 100,
    },
  };
}
