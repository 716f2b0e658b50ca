/**
 * Owns the system messages the shopper reads when people move their conversation (an agent
 * joins, passes it on, resolves it, loses the connection), in each served language. The AER
 * bot replies live in `intents/*.yaml`; these are short facts with the agent's name filled in.
 * The `Record<Language, …>` type makes a missing language a compile error; a unit test checks
 * that no translation is left empty.
 *
 * @example systemText('de', 'joined', { name: 'Mia' }) // → 'Mia ist jetzt für Sie da und hat Ihren bisherigen Chat gelesen.'
 */
import { DEFAULT_LANGUAGE, servedLanguage, type Language } from './languages.js';

export type SystemTextKey = 'joined' | 'passedToColleague' | 'backToQueue' | 'resolved' | 'released';

/** `{name}` is the agent acting, `{to}` the colleague taking over. */
export const SYSTEM_TEXTS: Readonly<Record<Language, Readonly<Record<SystemTextKey, string>>>> = {
  en: {
    joined: '{name} has joined and has read your conversation',
    passedToColleague: '{name} is passing you to a colleague, {to}, who can see everything you wrote',
    backToQueue: '{name} is passing you to a colleague; you keep your place in the queue',
    resolved: '{name} marked this conversation as resolved. How did we do? Please rate us from 1 to 5.',
    released: 'Your agent lost their connection. You keep your place in the queue and the next colleague will continue with you.',
  },
  de: {
    joined: '{name} ist jetzt für Sie da und hat Ihren bisherigen Chat gelesen.',
    passedToColleague: '{name} übergibt Sie an {to}. {to} sieht alles, was Sie geschrieben haben.',
    backToQueue: '{name} übergibt Sie an das Team; Ihr Platz in der Warteschlange bleibt erhalten.',
    resolved: '{name} hat Ihr Anliegen als erledigt markiert. Wie zufrieden waren Sie? Bitte bewerten Sie uns von 1 bis 5.',
    released: 'Die Verbindung Ihres Ansprechpartners wurde unterbrochen. Ihr Platz in der Warteschlange bleibt erhalten, und die nächste Kollegin oder der nächste Kollege macht mit Ihnen weiter.',
  },
  fr: {
    joined: '{name} a rejoint la conversation et a lu vos messages.',
    passedToColleague: '{name} vous met en relation avec {to}, qui voit tout ce que vous avez écrit.',
    backToQueue: '{name} transmet votre conversation à l\'équipe ; vous gardez votre place dans la file d\'attente.',
    resolved: '{name} a indiqué que votre demande est résolue. Qu\'avez-vous pensé de notre aide ? Donnez-nous une note de 1 à 5.',
    released: 'Votre conseiller a perdu la connexion. Vous gardez votre place dans la file d\'attente, et un collègue prendra le relais.',
  },
  es: {
    joined: '{name} se ha unido a la conversación y ha leído sus mensajes.',
    passedToColleague: '{name} le pasa con {to}, que puede ver todo lo que ha escrito.',
    backToQueue: '{name} pasa su conversación al equipo; mantiene su lugar en la cola.',
    resolved: '{name} ha marcado su consulta como resuelta. ¿Qué tal le hemos atendido? Valórenos del 1 al 5.',
    released: 'Su agente ha perdido la conexión. Mantiene su lugar en la cola y un compañero continuará con usted.',
  },
  pt: {
    joined: '{name} entrou na conversa e já leu suas mensagens.',
    passedToColleague: '{name} está transferindo você para {to}, que pode ver tudo o que você escreveu.',
    backToQueue: '{name} está transferindo sua conversa para a equipe; você mantém o seu lugar na fila.',
    resolved: '{name} marcou o seu atendimento como resolvido. Como foi? Avalie a gente de 1 a 5.',
    released: 'O seu atendente perdeu a conexão. Você mantém o seu lugar na fila, e outra pessoa da equipe vai continuar o atendimento.',
  },
  ja: {
    joined: '担当の{name}がチャットに参加しました。これまでのやり取りは確認済みです。',
    passedToColleague: '{name}から担当の{to}に引き継ぎます。{to}はこれまでのやり取りをすべて確認できます。',
    backToQueue: '{name}から別の担当者に引き継ぎます。順番はそのまま保たれます。',
    resolved: '{name}がこのお問い合わせを解決済みにしました。対応はいかがでしたか？1〜5で評価をお願いいたします。',
    released: '担当者の接続が切れました。順番はそのまま保たれ、次の担当者が引き続き対応いたします。',
  },
  zh: {
    joined: '{name} 已加入对话，并已阅读您之前的消息。',
    passedToColleague: '{name} 正在将您转接给同事 {to}，{to} 可以看到您写的所有内容。',
    backToQueue: '{name} 正在将您转接给其他同事，您在队列中的位置保持不变。',
    resolved: '{name} 已将本次咨询标记为已解决。您对我们的服务满意吗？请给出 1 到 5 分的评价。',
    released: '您的客服连接已断开。您在队列中的位置保持不变，下一位同事会继续为您服务。',
  },
};

/**
 * One system message in the conversation's language (English for an unserved one).
 *
 * @example systemText('ja', 'resolved', { name: '佐藤' })
 */
export function systemText(language: string | null | undefined, key: SystemTextKey, vars: { name?: string; to?: string } = {}): string {
  const table = SYSTEM_TEXTS[servedLanguage(language) ?? DEFAULT_LANGUAGE];
  return table[key].replace(/\{(name|to)\}/g, (_, slot: 'name' | 'to') => vars[slot] ?? '');
}
