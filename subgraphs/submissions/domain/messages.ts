/**
 * Every message the store shows an official, Vietnamese first with English alongside: `message`
 * is what the Vietnamese screens print, `messageEn` the same in English. GraphQL errors carry one
 * string, so there both languages go in it, Vietnamese first (`inOneLine`).
 */
export interface Bilingual {
  readonly message: string;
  readonly messageEn: string;
}

export function bilingual(vi: string, en: string): Bilingual {
  return { message: vi.normalize('NFC'), messageEn: en };
}

/** For a GraphQL error's single message: "Vietnamese — English". */
export function inOneLine(b: Bilingual): string {
  return `${b.message} — ${b.messageEn}`;
}

/** How the Vietnamese screens name the four states. */
export const STATUS_VI: Readonly<Record<'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED', string>> = {
  DRAFT: 'bản nháp',
  SUBMITTED: 'đã gửi duyệt',
  APPROVED: 'đã phê duyệt',
  RETURNED: 'bị trả lại',
};
