import * as z from 'zod/mini';
import type { EntryCard_EntryFragment, EntryStatus } from '../generated/graphql.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';

const STATUS_KEY: Record<EntryStatus, MessageKey> = {
  DRAFT: 'entryStatusDRAFT',
  SUBMITTED: 'entryStatusSUBMITTED',
  APPROVED: 'entryStatusAPPROVED',
  RETURNED: 'entryStatusRETURNED',
};

/** Where an entry stands in the four-eyes workflow. */
export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  const { t } = useI18n();
  return <span class={`badge entry-${status.toLowerCase()}`}>{t(STATUS_KEY[status])}</span>;
}

const snapshot = z.record(z.string(), z.unknown());

function parseSnapshot(raw: string | null): Record<string, unknown> {
  if (raw === null) return {};
  try {
    const parsed = snapshot.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The fields a change touched: before and after, side by side. */
export function diff(before: string | null, after: string): { field: string; before: string; after: string }[] {
  const a = parseSnapshot(before);
  const b = parseSnapshot(after);
  const show = (v: unknown): string => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => k !== 'updatedAt' && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => ({ field: k, before: show(a[k]), after: show(b[k]) }));
}

/** Every change of an entry, oldest first, with who, when, what and why. */
export function EntryHistory({ entry }: { entry: EntryCard_EntryFragment }) {
  const { t } = useI18n();
  return (
    <details>
      <summary>
        {t('historyOf')} ({entry.history.length})
      </summary>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('asOf')}</th>
            <th scope="col">{t('enteredBy')}</th>
            <th scope="col">{t('changed')}</th>
            <th scope="col">{t('before')} → {t('after')}</th>
            <th scope="col">{t('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {entry.history.map((h, i) => (
            <tr key={i}>
              <td>{h.at.replace('T', ' ').slice(0, 19)}</td>
              <td>
                {h.actor.name ?? h.actor.subject} ({h.role})
              </td>
              <th scope="row">
                {h.action} · v{h.version}
              </th>
              <td>
                <ul class="diff">
                  {diff(h.before ?? null, h.after).map((d) => (
                    <li key={d.field}>
                      <code>{d.field}</code>: {d.before} → {d.after}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{h.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
