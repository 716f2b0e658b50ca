/**
 * The saved versions of one intent file (who, when, what), newest first, each with "Restore".
 *
 * @example
 *   <History versions={await intentHistory(token, 'refund')} restore={restore} />
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import type { IntentVersion } from '../../protocol';
import { localTime, muted, Section } from './ops-common';

function Version({ v, restore }: { v: IntentVersion; restore(version: IntentVersion): void }) {
  const [busy, setBusy] = useState(false);
  return (
    <li class="version">
      <time datetime={v.at}>{localTime(v.at)}</time>
      <span class="who">{v.author}</span>
      <span class="what">{v.summary}</span>
      <button
        type="button"
        aria-label={`${t('restore')} ${localTime(v.at)}`}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          restore(v);
        }}
      >
        {t('restore')}
      </button>
    </li>
  );
}

export function History({ versions, restore }: { versions: readonly IntentVersion[]; restore(version: IntentVersion): void }) {
  const sorted = [...versions].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <Section title={t('historyTitle')}>
      {sorted.length ? (
        <ol class="history">{sorted.map((v) => <Version key={v.id} v={v} restore={restore} />)}</ol>
      ) : (
        muted(t('historyEmpty'))
      )}
    </Section>
  );
}
