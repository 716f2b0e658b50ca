/**
 * The entry of `widget.js` (an IIFE): reads the `data-*` options of its own `<script>` tag,
 * mounts the launcher and panel in an open shadow root, and wires store, view and connection.
 *
 * @example
 *   <script src="https://chat.example.com/widget.js" data-title="Ask us" data-color="#0a7" async></script>
 */
import { createConnection, outboxKey, tokenKey, type Connection } from './connection';
import { readEmbedConfig, type EmbedConfig } from './embed-config';
import { loadOutbox, newClientId } from './outbox';
import { browserStorage } from './storage';
import { createStore } from './store';
import { createView } from './view';
import { loadLanguage, widgetLanguage } from './strings';
import { initialState } from './widget-state';

/** Replaced at build time by esbuild `define`; dev builds expose `window.__relaydeskDebug`. */
declare const __RELAYDESK_DEV__: boolean;

const HOST_TAG = 'relaydesk-widget';
const MOUNTED = '__relaydeskMounted';

// `currentScript` is only set while this script first runs, so read it before anything waits.
const script = document.currentScript as HTMLScriptElement | null;

function mount(): void {
  const w = window as Window & { [MOUNTED]?: boolean };
  // The snippet pasted twice, or a SPA re-inserting it, must not mount a second widget.
  if (w[MOUNTED] || document.querySelector(HOST_TAG)) return;
  w[MOUNTED] = true;

  const { server, locale, title, color, identity } = script?.dataset ?? {};
  const read = () => readEmbedConfig(script && { src: script.src, data: { server, locale, title, color } }, location, navigator.language);
  // `RelayDesk.identify(jwt)` for shops that learn who the shopper is after the page loaded; defined
  // at once (the connection comes after the texts load), so an early call is kept, not lost.
  let identify: (jwt: string) => void = (jwt) => {
    early = jwt;
  };
  let early: string | undefined;
  const global = window as Window & { RelayDesk?: object };
  global.RelayDesk = Object.assign(global.RelayDesk ?? {}, { identify: (jwt: string) => identify(jwt) });
  // Texts first (SPEC §9: data-locale, else the browser's languages, else English): the labels and
  // the default title are built from them. Read again after loading for the translated title.
  const language = widgetLanguage([locale, ...(navigator.languages ?? []), navigator.language]);
  void loadLanguage(read().server, language).then(() => {
    const connection = start(read(), identity);
    identify = (jwt) => connection.identify(jwt);
    if (early !== undefined) connection.identify(early);
  });
}

function start(config: EmbedConfig, identity: string | undefined): Connection {
  const storage = browserStorage();
  const store = createStore(initialState(loadOutbox(storage, outboxKey(config.server))));
  const connection = createConnection({ ...config, storage, store, ...(identity ? { identity } : {}) });
  const host = createHost(config);

  const view = createView(host.attachShadow({ mode: 'open' }), config, {
    open() {
      store.dispatch({ type: 'open' });
      connection.start();
    },
    close: () => store.dispatch({ type: 'close' }),
    send(text) {
      store.dispatch({ type: 'send', clientId: newClientId(), text, at: new Date().toISOString() });
      connection.start();
      connection.flush();
    },
    typing: connection.typing,
    rate: connection.rate,
    contact: connection.contact,
    comment: connection.comment,
    earlier: connection.loadEarlier,
    retry(clientId) {
      store.dispatch({ type: 'retry', clientId });
      connection.flush();
    },
  });
  store.subscribe((s) => view.render(s));
  view.render(store.getState());
  document.body.append(host);

  // Connect at once only to resume a conversation or deliver what was typed offline:
  // a page view that never opens the chat costs the server nothing.
  if (storage.getItem(tokenKey(config.server)) || store.getState().outbox.length > 0) connection.start();

  if (__RELAYDESK_DEV__) {
    Object.assign(window, { __relaydeskDebug: { store, config } });
    store.subscribe((s) => console.debug('[relaydesk]', s));
  }
  return connection;
}

function createHost(config: EmbedConfig): HTMLElement {
  const host = document.createElement(HOST_TAG);
  host.dataset.server = config.server;
  // Inline !important beats any host-page rule (even `* { all: unset !important }`), and a
  // transform or filter on the host would trap the fixed-position launcher inside it.
  host.style.cssText = 'all:initial!important;display:block!important;position:static!important';
  return host;
}

if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount, { once: true });
