// Every message the store shows an official is Vietnamese first with English alongside (lib/util/bilingual.ts).
export { bilingual, inOneLine, type Bilingual } from '../../../lib/util/bilingual.ts';

/** How the Vietnamese screens name the four states. */
export const STATUS_VI: Readonly<Record<'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED', string>> = {
  DRAFT: 'bản nháp',
  SUBMITTED: 'đã gửi duyệt',
  APPROVED: 'đã phê duyệt',
  RETURNED: 'bị trả lại',
};
