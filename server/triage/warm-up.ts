/**
 * Loads what triage otherwise loads on first use: WordNet's lemmas and the part-of-speech word
 * forms behind the typo guard, the stop-word lists, the stemmers of every served language, the
 * intent set's typo index. Lazily, the first shoppers after a start waited for it: ~200 ms of file
 * reading and parsing on the event loop, inside their first replies (p99 of a load benchmark's
 * whole run came from its first half second). Called once when the app is built.
 *
 * @example warmUpTriage(intents.current()); // before the server takes traffic
 */
import { NO_HISTORY, triage } from './triage.js';
import type { IntentSet } from '../intents/compile-intents.js';

// One message per served language (locale hint as the widget would send it), with a misspelling,
// so each lazily built table is built now.
const SAMPLES: ReadonlyArray<[locale: string, text: string]> = [
  ['en', 'Where is my order 1001? The parcel arived damaged, I want a refnud.'],
  ['de', 'Wo ist meine Bestellung 1001? Das Paket kam beschädigt an.'],
  ['fr', 'Où est ma commande 1001 ? Le colis est arrivé abîmé.'],
  ['es', '¿Dónde está mi pedido 1001? El paquete llegó dañado.'],
  ['pt-BR', 'Onde está meu pedido 1001? O pacote chegou danificado.'],
  ['ja', '注文1001はどこですか？荷物が破損して届きました。'],
  ['zh', '我的订单1001在哪里？包裹到的时候坏了。'],
];

export function warmUpTriage(set: IntentSet): void {
  for (const [locale, text] of SAMPLES) triage(text, NO_HISTORY, set, { locale });
}
