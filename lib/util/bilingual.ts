/**
 * A message an official reads, Vietnamese first with English alongside: `message` is what the
 * Vietnamese screens print, `messageEn` the same in English. GraphQL errors (and the plain string
 * lists some types carry) hold one string, so there both go in it, Vietnamese first (`inOneLine`).
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
