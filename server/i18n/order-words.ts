/**
 * Owns the words a reply uses when the shop's order data leaves a field out ("the carrier",
 * "not shared by the carrier yet"), in each served language, so a German reply never carries an
 * English gap. Keys match the order placeholders of the intent templates.
 *
 * @example orderWords('de').carrier // → 'der Versanddienstleister'
 */
import { DEFAULT_LANGUAGE, servedLanguage, type Language } from './languages.js';

export interface OrderWords {
  recentDate: string;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
  eta: string;
  lastEventLocation: string;
  lastEventDescription: string;
  checkBy: string;
}

const WORDS: Readonly<Record<Language, OrderWords>> = {
  en: {
    recentDate: 'a recent date', carrier: 'the carrier', trackingNumber: 'in your shipping confirmation email',
    trackingUrl: 'the link in your shipping confirmation email', eta: 'not shared by the carrier yet',
    lastEventLocation: 'in transit', lastEventDescription: 'no new scan yet', checkBy: 'within two business days',
  },
  de: {
    recentDate: 'vor Kurzem', carrier: 'der Versanddienstleister', trackingNumber: 'in Ihrer Versandbestätigung per E-Mail',
    trackingUrl: 'dem Link in Ihrer Versandbestätigung', eta: 'vom Versanddienstleister noch nicht mitgeteilt',
    lastEventLocation: 'unterwegs', lastEventDescription: 'noch kein neuer Scan', checkBy: 'innerhalb von zwei Werktagen',
  },
  fr: {
    recentDate: 'récemment', carrier: 'le transporteur', trackingNumber: "dans votre e-mail de confirmation d'expédition",
    trackingUrl: "le lien de votre e-mail de confirmation d'expédition", eta: 'pas encore communiquée par le transporteur',
    lastEventLocation: 'en transit', lastEventDescription: 'pas encore de nouveau scan', checkBy: 'sous deux jours ouvrés',
  },
  es: {
    recentDate: 'hace poco', carrier: 'la empresa de transporte', trackingNumber: 'en su correo de confirmación de envío',
    trackingUrl: 'el enlace de su correo de confirmación de envío', eta: 'aún no indicada por la empresa de transporte',
    lastEventLocation: 'en tránsito', lastEventDescription: 'todavía sin nuevo escaneo', checkBy: 'en dos días laborables',
  },
  pt: {
    recentDate: 'recentemente', carrier: 'a transportadora', trackingNumber: 'no e-mail de confirmação de envio',
    trackingUrl: 'o link do e-mail de confirmação de envio', eta: 'ainda não informada pela transportadora',
    lastEventLocation: 'em trânsito', lastEventDescription: 'ainda sem nova leitura', checkBy: 'em até dois dias úteis',
  },
  ja: {
    recentDate: '先日', carrier: '配送業者', trackingNumber: '発送完了メールに記載',
    trackingUrl: '発送完了メールのリンク', eta: '配送業者から未連絡',
    lastEventLocation: '輸送中', lastEventDescription: '新しい記録はまだありません', checkBy: '2営業日以内',
  },
  zh: {
    recentDate: '近日', carrier: '承运商', trackingNumber: '见发货确认邮件',
    trackingUrl: '发货确认邮件中的链接', eta: '承运商尚未提供',
    lastEventLocation: '运输途中', lastEventDescription: '暂无新的扫描记录', checkBy: '两个工作日内',
  },
};

export function orderWords(language: string | null | undefined): OrderWords {
  return WORDS[servedLanguage(language) ?? DEFAULT_LANGUAGE];
}

/** For tests: every language's table. */
export const ORDER_WORDS = WORDS;
