/**
 * `npm run bench`: speed and size targets live here, never in timed tests.
 */
import { benchTriage } from './triage-throughput.js';

const triage = benchTriage();
console.log(`triage: ${triage.messagesPerSecond.toLocaleString('en')} messages/s, single thread (${triage.messages} messages from ${triage.source}; target ≥ 50,000)`);
