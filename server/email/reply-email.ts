/**
 * Owns the email a shopper gets when an agent answered after they left (pure, SPEC §11): plain
 * text only (no HTML to escape), the new replies, the last messages for context, and a link back.
 *
 * @example composeReplyEmail({ from: 'help@shop.example', to: 'lena@example.de', name: 'Lena', batch, recent, link: 'https://shop.example/' })
 *   // → { from, to, subject: 'Mia from our support team replied to your chat', text: 'Hello Lena, …' }
 */
import { DEFAULT_LANGUAGE, servedLanguage, type Language } from '../i18n/languages.js';
import type { ChatMessage } from '../protocol.js';

export interface ReplyEmailInput {
  from: string;
  to: string;
  name?: string | null;
  /** The agent replies not seen yet, oldest first. */
  batch: readonly ChatMessage[];
  /** The conversation's latest messages, for context (the batch included). */
  recent: readonly ChatMessage[];
  /** Where the shopper continues the chat (PUBLIC_URL). */
  link: string;
  /** The conversation's language (SPEC §9); English when unserved or unknown. */
  language?: string | null;
}

export interface ReplyEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Messages of context above the new replies; enough to remember, short enough to read. */
export const CONTEXT_MESSAGES = 6;

interface EmailWords {
  speaker: Record<ChatMessage['from'], string>;
  team: string;
  hello: (name: string | null) => string;
  replied: (agent: string) => string;
  subject: (agent: string) => string;
  sofar: string;
  continueAt: (link: string) => string;
  alsoReply: string;
}

/** The email in the conversation's language: the shopper wrote in it, so they read it best. */
const WORDS: Readonly<Record<Language, EmailWords>> = {
  en: {
    speaker: { customer: 'You', bot: 'Assistant', agent: 'Agent', system: 'Update' }, team: 'Our support team',
    hello: (name) => (name ? `Hello ${name},` : 'Hello,'), replied: (agent) => `${agent} replied to your chat while you were away:`,
    subject: (agent) => `${agent} replied to your chat`, sofar: 'Your conversation so far:', continueAt: (link) => `Continue the chat here: ${link}`,
    alsoReply: 'You can also reply in the chat window on our shop; the team sees everything you wrote.',
  },
  de: {
    speaker: { customer: 'Sie', bot: 'Assistent', agent: 'Kundenservice', system: 'Hinweis' }, team: 'Unser Kundenservice',
    hello: (name) => (name ? `Hallo ${name},` : 'Hallo,'), replied: (agent) => `${agent} hat in Ihrem Chat geantwortet, während Sie nicht da waren:`,
    subject: (agent) => `${agent} hat in Ihrem Chat geantwortet`, sofar: 'Ihr bisheriger Chat:', continueAt: (link) => `Hier geht es weiter: ${link}`,
    alsoReply: 'Sie können auch im Chatfenster in unserem Shop antworten; das Team sieht alles, was Sie geschrieben haben.',
  },
  fr: {
    speaker: { customer: 'Vous', bot: 'Assistant', agent: 'Conseiller', system: 'Info' }, team: 'Notre service client',
    hello: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'), replied: (agent) => `${agent} a répondu à votre conversation pendant votre absence :`,
    subject: (agent) => `${agent} a répondu à votre conversation`, sofar: 'Votre conversation jusqu\'ici :', continueAt: (link) => `Continuez la conversation ici : ${link}`,
    alsoReply: "Vous pouvez aussi répondre dans la fenêtre de chat de notre boutique ; l'équipe voit tout ce que vous avez écrit.",
  },
  es: {
    speaker: { customer: 'Usted', bot: 'Asistente', agent: 'Agente', system: 'Aviso' }, team: 'Nuestro equipo de atención',
    hello: (name) => (name ? `Hola, ${name}:` : 'Hola:'), replied: (agent) => `${agent} ha respondido en su chat mientras no estaba:`,
    subject: (agent) => `${agent} ha respondido en su chat`, sofar: 'Su conversación hasta ahora:', continueAt: (link) => `Continúe la conversación aquí: ${link}`,
    alsoReply: 'También puede responder en la ventana de chat de nuestra tienda; el equipo ve todo lo que ha escrito.',
  },
  pt: {
    speaker: { customer: 'Você', bot: 'Assistente', agent: 'Atendente', system: 'Aviso' }, team: 'Nossa equipe de atendimento',
    hello: (name) => (name ? `Olá, ${name},` : 'Olá,'), replied: (agent) => `${agent} respondeu no seu chat enquanto você estava fora:`,
    subject: (agent) => `${agent} respondeu no seu chat`, sofar: 'Sua conversa até agora:', continueAt: (link) => `Continue a conversa aqui: ${link}`,
    alsoReply: 'Você também pode responder na janela de chat da nossa loja; a equipe vê tudo o que você escreveu.',
  },
  ja: {
    speaker: { customer: 'お客様', bot: 'アシスタント', agent: '担当者', system: 'お知らせ' }, team: 'サポートチーム',
    hello: (name) => (name ? `${name}様` : 'お客様'), replied: (agent) => `ご不在の間に、${agent}がチャットで返信いたしました。`,
    subject: (agent) => `${agent}よりチャットへの返信がございます`, sofar: 'これまでのやり取り：', continueAt: (link) => `チャットの続きはこちら：${link}`,
    alsoReply: 'ショップのチャット画面からもご返信いただけます。担当者はこれまでの内容をすべて確認できます。',
  },
  zh: {
    speaker: { customer: '您', bot: '智能助手', agent: '客服', system: '通知' }, team: '我们的客服团队',
    hello: (name) => (name ? `${name}，您好：` : '您好：'), replied: (agent) => `您离开期间，${agent} 在聊天中回复了您：`,
    subject: (agent) => `${agent} 回复了您的咨询`, sofar: '此前的对话：', continueAt: (link) => `在这里继续对话：${link}`,
    alsoReply: '您也可以在我们商店的聊天窗口中回复；团队能看到您写的所有内容。',
  },
};

export function composeReplyEmail(input: ReplyEmailInput): ReplyEmail {
  const words = WORDS[servedLanguage(input.language) ?? DEFAULT_LANGUAGE];
  const agent = input.batch.at(-1)?.author?.name ?? words.team;
  const context = input.recent
    .slice(-CONTEXT_MESSAGES)
    .map((message) => `${message.from === 'bot' ? words.speaker.bot : (message.author?.name ?? words.speaker[message.from])}: ${message.text}`);
  const text = [
    words.hello(input.name ?? null),
    '',
    words.replied(agent),
    '',
    ...input.batch.map((message) => `  ${message.text}`),
    '',
    words.sofar,
    ...context.map((line) => `  ${line}`),
    '',
    words.continueAt(input.link),
    words.alsoReply,
  ].join('\n');
  return { from: input.from, to: input.to, subject: words.subject(agent), text };
}
