/**
 * Owns the agent's suggested first line (Acknowledge → Empathize → Reassure, SPEC §4) in the
 * conversation's language, so a Chinese-speaking agent can greet a Japanese shopper in Japanese.
 * `{order}` is "order 1001" or "your order" in that language.
 *
 * @example openingLine('ja', 'logistics', [], '1001') // → 'これまでのやり取りはすべて拝見しました…'
 */
import type { IntentName } from '../protocol.js';
import { DEFAULT_LANGUAGE, servedLanguage, type Language } from './languages.js';

interface Openings {
  read: string;
  safety: string;
  anOrder: string;
  yourOrder: string;
  intents: Record<IntentName, string>;
}

const OPENINGS: Readonly<Record<Language, Openings>> = {
  en: {
    read: "I've read your whole conversation, so you won't need to repeat anything.",
    safety: "I'm so sorry this happened, and I hope everyone is safe. Is anyone still hurt or in danger right now? I'm handling this personally from here.",
    anOrder: 'order {id}',
    yourOrder: 'your order',
    intents: {
      logistics: "I know waiting for a parcel is stressful. I'm checking {order} with the carrier myself right now.",
      refund: "I understand you want this settled. I'm looking at {order} now and will tell you exactly what happens to your money.",
      payment: "Payment trouble is worrying, I understand. I'm checking the payment for {order} right now.",
      complaint: "I'm sorry this has been so frustrating. I'm taking this over personally and we'll sort it out together.",
      human: "Thank you for waiting. I'm here now and I'll take it from here.",
      other: "I'm here now and I'll take it from here.",
    },
  },
  de: {
    read: 'Ich habe Ihren ganzen Chat gelesen, Sie müssen also nichts wiederholen.',
    safety: 'Es tut mir sehr leid, dass das passiert ist, und ich hoffe, alle sind wohlauf. Ist gerade noch jemand verletzt oder in Gefahr? Ich kümmere mich ab jetzt persönlich darum.',
    anOrder: 'die Bestellung {id}',
    yourOrder: 'Ihre Bestellung',
    intents: {
      logistics: 'Ich weiß, das Warten auf ein Paket ist belastend. Ich prüfe {order} gerade selbst beim Versanddienstleister.',
      refund: 'Ich verstehe, dass Sie das geklärt haben möchten. Ich sehe mir {order} jetzt an und sage Ihnen genau, was mit Ihrem Geld passiert.',
      payment: 'Probleme mit der Zahlung sind beunruhigend, das verstehe ich. Ich prüfe die Zahlung für {order} gerade.',
      complaint: 'Es tut mir leid, dass das so ärgerlich war. Ich übernehme das persönlich, und wir lösen es gemeinsam.',
      human: 'Danke fürs Warten. Ich bin jetzt für Sie da und übernehme ab hier.',
      other: 'Ich bin jetzt für Sie da und übernehme ab hier.',
    },
  },
  fr: {
    read: "J'ai lu toute votre conversation, vous n'aurez rien à répéter.",
    safety: "Je suis vraiment désolé que cela soit arrivé, et j'espère que tout le monde va bien. Quelqu'un est-il encore blessé ou en danger ? Je m'en occupe personnellement à partir de maintenant.",
    anOrder: 'la commande {id}',
    yourOrder: 'votre commande',
    intents: {
      logistics: "Je sais qu'attendre un colis est stressant. Je vérifie {order} moi-même auprès du transporteur dès maintenant.",
      refund: "Je comprends que vous vouliez régler cela. Je regarde {order} maintenant et je vous dirai précisément ce qu'il advient de votre argent.",
      payment: 'Un problème de paiement est inquiétant, je comprends. Je vérifie le paiement de {order} dès maintenant.',
      complaint: "Je suis désolé que cela ait été si pénible. Je m'en charge personnellement et nous allons régler cela ensemble.",
      human: 'Merci de votre patience. Je suis là et je prends le relais.',
      other: 'Je suis là et je prends le relais.',
    },
  },
  es: {
    read: 'He leído toda su conversación, así que no tendrá que repetir nada.',
    safety: 'Siento mucho lo ocurrido y espero que todos estén bien. ¿Hay alguien herido o en peligro ahora mismo? Me encargo de esto personalmente a partir de ahora.',
    anOrder: 'el pedido {id}',
    yourOrder: 'su pedido',
    intents: {
      logistics: 'Sé que esperar un paquete genera inquietud. Estoy revisando {order} con la empresa de transporte ahora mismo.',
      refund: 'Entiendo que quiera resolverlo. Estoy revisando {order} y le diré exactamente qué pasa con su dinero.',
      payment: 'Un problema con el pago preocupa, lo entiendo. Estoy revisando el pago de {order} ahora mismo.',
      complaint: 'Siento que esto haya sido tan frustrante. Me encargo personalmente y lo resolveremos juntos.',
      human: 'Gracias por esperar. Ya estoy aquí y me encargo a partir de ahora.',
      other: 'Ya estoy aquí y me encargo a partir de ahora.',
    },
  },
  pt: {
    read: 'Li toda a sua conversa, então você não vai precisar repetir nada.',
    safety: 'Sinto muito pelo que aconteceu e espero que todos estejam bem. Alguém ainda está machucado ou em perigo agora? Vou cuidar disso pessoalmente a partir daqui.',
    anOrder: 'o pedido {id}',
    yourOrder: 'o seu pedido',
    intents: {
      logistics: 'Sei que esperar uma encomenda é estressante. Estou verificando {order} com a transportadora agora mesmo.',
      refund: 'Entendo que você queira resolver isso. Estou olhando {order} agora e vou explicar exatamente o que acontece com o seu dinheiro.',
      payment: 'Problema com pagamento preocupa, eu entendo. Estou verificando o pagamento de {order} agora mesmo.',
      complaint: 'Sinto muito que isso tenha sido tão frustrante. Vou assumir pessoalmente e a gente resolve junto.',
      human: 'Obrigado por esperar. Estou aqui agora e assumo daqui.',
      other: 'Estou aqui agora e assumo daqui.',
    },
  },
  ja: {
    read: 'これまでのやり取りはすべて拝見しましたので、同じご説明を繰り返していただく必要はありません。',
    safety: 'このようなことが起こり、誠に申し訳ございません。皆さまがご無事であることを願っております。現在もけがをされている方や危険な状況はございませんか？ここからは私が責任を持って対応いたします。',
    anOrder: 'ご注文{id}',
    yourOrder: 'ご注文',
    intents: {
      logistics: 'お荷物をお待ちいただくのはご不安なことと存じます。ただいま私が配送業者に{order}の状況を確認いたします。',
      refund: '早く解決したいお気持ち、よく分かります。ただいま{order}を確認し、ご返金について具体的にご案内いたします。',
      payment: 'お支払いのトラブルはご心配ですよね。ただいま{order}のお支払い状況を確認いたします。',
      complaint: 'ご不快な思いをおかけし、誠に申し訳ございません。ここからは私が責任を持って対応し、一緒に解決いたします。',
      human: 'お待たせいたしました。ここからは私が対応いたします。',
      other: 'ここからは私が対応いたします。',
    },
  },
  zh: {
    read: '我已经看过您之前的全部对话，您不需要再重复说明。',
    safety: '发生这样的事我们深感抱歉，希望大家都平安。现在还有人受伤或处于危险中吗？接下来由我亲自为您处理。',
    anOrder: '订单 {id}',
    yourOrder: '您的订单',
    intents: {
      logistics: '我知道等包裹很让人着急。我现在就亲自向承运商核实{order}的情况。',
      refund: '理解您希望尽快解决。我正在查看{order}，会清楚告诉您这笔钱的去向。',
      payment: '付款出问题确实让人担心。我现在就核查{order}的付款情况。',
      complaint: '很抱歉让您这么糟心。接下来由我亲自负责，我们一起把问题解决。',
      human: '感谢您的耐心等待。我来了，接下来由我为您处理。',
      other: '我来了，接下来由我为您处理。',
    },
  },
};

/** The suggested first line for the agent, in the conversation's language (English if unserved). */
export function openingLine(language: string | null | undefined, intent: IntentName, reasons: readonly string[], orderId: string | undefined): string {
  const table = OPENINGS[servedLanguage(language) ?? DEFAULT_LANGUAGE];
  const join = (a: string, b: string) => (/[。！？]$/u.test(a) ? `${a}${b}` : `${a} ${b}`);
  if (reasons.some((reason) => reason.startsWith('safety:'))) return join(table.read, table.safety);
  const order = orderId ? table.anOrder.replace('{id}', orderId) : table.yourOrder;
  return join(table.read, table.intents[intent].replace('{order}', order));
}

/** For tests: every language's table. */
export const OPENING_LINES = OPENINGS;
