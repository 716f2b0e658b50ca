/**
 * The reports as the API serves them: loads a period's records from the store and hands them to
 * the pure summaries. Reads only: idle bot conversations are settled by the sweep's timer (bot-settler.ts).
 *
 * @example
 *   const reports = createReports({ store, intents });
 *   await reports.summary({ from: '2025-01-06T00:00:00.000Z', to: '2025-01-13T00:00:00.000Z' });
 *   await reports.ledgerCsv(range); // 'conversation,contact,intent,…\r\n…'
 */
import type { IntentSource } from '../intents/intent-source.js';
import type { Store, TimeRange } from '../store/store.js';
import { toCsv } from './csv.js';
import { LEDGER_HEADER, ledgerRows } from './ledger.js';
import { summarizePeriod, type ReportSummary } from './report-summary.js';

export interface ReportsDeps {
  store: Store;
  intents: Pick<IntentSource, 'sources'>;
}

export function createReports(deps: ReportsDeps) {
  const { store } = deps;

  async function summary(range: TimeRange): Promise<ReportSummary> {
    const conversations = await store.listOpenedConversations(range);
    const ids = conversations.map((conversation) => conversation.id);
    return summarizePeriod({
      range,
      conversations,
      handoffs: await store.listHandoffs(ids),
      outcomes: await store.listBotOutcomes(ids),
      messages: await store.listCustomerMessages({ range }),
      intents: deps.intents.sources().intents,
    });
  }

  async function ledgerCsv(range: TimeRange): Promise<string> {
    const opened = await store.listOpenedConversations(range);
    const escalatedIds = new Set((await store.listHandoffs(opened.map((conversation) => conversation.id))).map((handoff) => handoff.conversationId));
    const escalated = opened.filter((conversation) => escalatedIds.has(conversation.id));
    const customerMessages = await store.listCustomerMessages({ conversationIds: escalated.map((conversation) => conversation.id) });
    const rows = [];
    for (const conversation of escalated) {
      const notes = await store.listNotes(conversation.id);
      const agentMessages = (await store.listMessages(conversation.id)).filter((message) => message.from === 'agent');
      rows.push(
        ...ledgerRows(conversation, {
          customerMessages: customerMessages.filter((message) => message.conversationId === conversation.id),
          lastNote: notes.at(-1)?.text,
          lastAgentMessage: agentMessages.at(-1)?.text,
        }),
      );
    }
    return toCsv([LEDGER_HEADER, ...rows]);
  }

  return { summary, ledgerCsv };
}

export type Reports = ReturnType<typeof createReports>;
