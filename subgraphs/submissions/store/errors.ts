import { bilingual, inOneLine } from '../domain/messages.ts';
import { AccessDeniedError, BadUserInputError, ConflictError, NotFoundError, StoreUnavailableError } from '../../../lib/errors/index.ts';

/**
 * Driver errors become the API's codes here and nowhere else: SQLSTATE for PostgreSQL, SQLite's
 * extended result codes for the embedded engine, socket codes for a server that went away.
 * The driver's error stays as `cause` for the log.
 */
const PG_CONFLICT = new Set(['23505', '40001', '40P01']);
const PG_BAD_INPUT = new Set(['23514', '23502', '23503', '22P02', '22003', '22001', 'P0001']);
const PG_UNAVAILABLE_CLASSES = ['08', '53', '57'];
const SOCKET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

// SQLite extended result codes (https://www.sqlite.org/rescode.html).
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT = 19;
const SQLITE_UNAVAILABLE_PRIMARY = new Set([5 /* BUSY */, 6 /* LOCKED */, 10 /* IOERR */, 13 /* FULL */, 14 /* CANTOPEN */, 26 /* NOTADB */]);

function field(err: object, key: string): unknown {
  return Object.hasOwn(err, key) ? (err as Record<string, unknown>)[key] : undefined;
}

const OURS = [BadUserInputError, ConflictError, NotFoundError, StoreUnavailableError, AccessDeniedError];

/** Maps anything a store call threw to the API's error classes; domain errors pass through unchanged. */
export function mapStoreError(err: unknown): Error {
  if (err instanceof Error && OURS.some((c) => err instanceof c)) return err;
  if (err === null || typeof err !== 'object') return new Error(String(err));
  const error = err instanceof Error ? err : new Error('store error', { cause: err });
  const code = field(err, 'code');
  if (typeof code === 'string') {
    if (PG_CONFLICT.has(code)) return new ConflictError(inOneLine(bilingual('Bản ghi vừa bị người khác thay đổi cùng lúc; hãy đọc lại rồi thử lại.', 'The entry was changed by someone else at the same time; read it again and retry.')), { cause: err });
    if (PG_BAD_INPUT.has(code)) return new BadUserInputError(inOneLine(bilingual(`Kho dữ liệu từ chối giá trị: ${error.message}`, `The store refused the value: ${error.message}`)), { cause: err });
    if (/^[0-9A-Z]{5}$/.test(code) && PG_UNAVAILABLE_CLASSES.includes(code.slice(0, 2))) return unavailable(err);
    if (SOCKET_UNAVAILABLE.has(code)) return unavailable(err);
    if (code === 'ERR_SQLITE_ERROR') {
      const errcode = field(err, 'errcode');
      if (typeof errcode === 'number') {
        if (errcode === SQLITE_CONSTRAINT_UNIQUE || errcode === SQLITE_CONSTRAINT_PRIMARYKEY) {
          return new ConflictError(inOneLine(bilingual('Đã có bản ghi cho đơn vị, năm và chỉ số này; hãy đọc nó và lưu kèm phiên bản của nó.', 'An entry for this unit, year and indicator already exists; read it and save with its version.')), { cause: err });
        }
        if ((errcode & 0xff) === SQLITE_CONSTRAINT) return new BadUserInputError(inOneLine(bilingual(`Kho dữ liệu từ chối giá trị: ${error.message}`, `The store refused the value: ${error.message}`)), { cause: err });
        if (SQLITE_UNAVAILABLE_PRIMARY.has(errcode & 0xff)) return unavailable(err);
      }
      if (/not open/i.test(error.message)) return unavailable(err);
    }
  }
  // pg reports a dropped socket without a code; Kysely after destroy() likewise.
  if (/Connection terminated|Client has encountered a connection error|driver has already been destroyed|database is not open/i.test(error.message)) return unavailable(err);
  if (err instanceof AggregateError && err.errors.some((e) => mapStoreError(e) instanceof StoreUnavailableError)) return unavailable(err);
  return error;
}

function unavailable(cause: unknown): StoreUnavailableError {
  return new StoreUnavailableError(
    inOneLine(bilingual('Kho dữ liệu tự đánh giá (submissions) không truy cập được; hiện không đọc hoặc ghi được bản ghi.', 'The submissions store is unavailable; self-assessment entries cannot be read or written now.')),
    { system: 'submissions', cause },
  );
}
