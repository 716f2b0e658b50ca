/**
 * A minimal store around the pure reducer: holds the current state and tells subscribers
 * (the view, persistence) after each change. No framework; a few hundred bytes.
 *
 * @example
 *   const store = createStore(initialState());
 *   store.subscribe((s) => view.render(s));
 *   store.dispatch({ type: 'open' });
 */
import { reduce, type WidgetAction, type WidgetState } from './widget-state';

export interface Store {
  getState(): WidgetState;
  dispatch(action: WidgetAction): void;
  subscribe(listener: (state: WidgetState, previous: WidgetState) => void): void;
}

export function createStore(initial: WidgetState): Store {
  let state = initial;
  const listeners: Array<(state: WidgetState, previous: WidgetState) => void> = [];
  return {
    getState: () => state,
    dispatch(action) {
      const previous = state;
      state = reduce(state, action);
      if (state !== previous) for (const listener of listeners) listener(state, previous);
    },
    subscribe: (listener) => void listeners.push(listener),
  };
}
