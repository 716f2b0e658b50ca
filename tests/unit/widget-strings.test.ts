// The widget picks its language (data-locale, browser, English) and takes only well-formed texts from the server.
import { afterEach, describe, expect, it } from 'vitest';
import { WIDGET_STRINGS } from '../../server/i18n/widget-strings.js';
import { en } from '../../server/i18n/widget-strings-en.js';
import { activeLanguage, closedLine, queueLine, rateLabel, T, useStrings, widgetLanguage } from '../../widget/strings';

afterEach(() => useStrings('en', en));

describe('widgetLanguage', () => {
  it('takes the first served language: data-locale, then the browser languages, else English', () => {
    expect(widgetLanguage(['de', 'en-US'])).toBe('de');
    expect(widgetLanguage([undefined, 'pt-BR', 'en'])).toBe('pt');
    expect(widgetLanguage(['it-IT', 'zh-Hans-CN'])).toBe('zh');
    expect(widgetLanguage(['it', 'ko-KR'])).toBe('en');
    expect(widgetLanguage([])).toBe('en');
  });
});

describe('useStrings', () => {
  it('switches every text, and the banners follow', () => {
    useStrings('ja', WIDGET_STRINGS.ja);
    expect(activeLanguage()).toBe('ja');
    expect(T.send).toBe('送信');
    expect(queueLine(3, 240)).toBe('現在3番目です · 約4分');
    expect(rateLabel(4)).toBe('5段階中4で評価');
    expect(closedLine('2026-11-23T08:00:00Z', 'Asia/Tokyo')).toBe('ただいま対応できる者がおりません。11月23日月曜日 17:00 JSTから担当者がお返事します');
  });

  it('keeps English for a missing, empty or non-string entry', () => {
    useStrings('de', { send: 'Senden', openChat: '', message: 42, placeholder: 'x'.repeat(301) });
    expect([T.send, T.openChat, T.message, T.placeholder]).toEqual(['Senden', 'Open chat', 'Message', en.placeholder]);
    useStrings('fr', null);
    expect(activeLanguage()).toBe('de');
  });
});
