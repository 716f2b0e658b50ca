/**
 * Reason codes as an agent reads them ("sentiment:very_negative" → "Very upset"), in the console's
 * language. Codes the console does not know yet are shown as they are, never hidden. Pure.
 *
 * @example reasonLabel('safety:fire') // 'Safety: fire'
 */
import type { IntentName } from '../protocol';
import { t, type StringKey } from './i18n';

const EXACT: Readonly<Record<string, StringKey>> = {
  'sentiment:negative': 'reasonNegative',
  'sentiment:very_negative': 'reasonVeryNegative',
  'sentiment:worsening': 'reasonWorsening',
  'request:human': 'reasonAskedHuman',
  'tone:shouting': 'reasonShouting',
  'complaint:negative': 'reasonUpsetComplaint',
  'bot:could_not_help': 'reasonBotFailed',
  'bot:repeated_answer': 'reasonBotRepeated',
  'payment:billing_error': 'reasonBillingError',
};

// The categories and threats of intents/safety.yaml; one ops adds later shows as written until translated.
type SafetyCategory = 'fire' | 'burn' | 'electric_shock' | 'injury' | 'choking' | 'entrapment' | 'allergy' | 'poisoning' | 'child_or_pet_hurt';
type ThreatKind = 'legal' | 'review' | 'chargeback' | 'repeat';
const SAFETY = new Set<string>(['fire', 'burn', 'electric_shock', 'injury', 'choking', 'entrapment', 'allergy', 'poisoning', 'child_or_pet_hurt']);
const THREATS = new Set<string>(['legal', 'review', 'chargeback', 'repeat']);

const INTENTS = new Set(['logistics', 'refund', 'payment', 'complaint', 'human', 'other']);

export function reasonLabel(code: string): string {
  const exact = EXACT[code];
  if (exact) return t(exact);
  const [kind = '', what = ''] = code.split(':', 2);
  const words = what.replace(/_/g, ' ');
  if (kind === 'intent' && INTENTS.has(what)) return t('reasonIntent', { what: t(`intent_${what as IntentName}`) });
  if (kind === 'safety') return t('reasonSafety', { what: SAFETY.has(what) ? t(`safety_${what as SafetyCategory}`) : words });
  if (kind === 'threat') return t('reasonThreat', { what: THREATS.has(what) ? t(`threat_${what as ThreatKind}`) : words });
  if (kind === 'repeat') return t('reasonRepeat');
  if (kind === 'agent') return t('reasonAgentTookOver');
  return code;
}
