/**
 * The 1–5 rating shown after resolution: five buttons named "Rate N of 5", then
 * "Thanks for your feedback" once the server acknowledged the `rate` event.
 *
 * @example
 *   const rating = createRating((score) => connection.rate(score));
 *   rating.render('ask');
 */
import { el, setText, show } from './dom';
import { rateLabel, T } from './strings';
import type { RatingState } from './widget-state';

export function createRating(onRate: (score: number) => void): { element: HTMLDivElement; render(r: RatingState): void } {
  const buttons = [1, 2, 3, 4, 5].map((score) => {
    const b = el('button', { type: 'button', class: 'star', 'aria-label': rateLabel(score) }, String(score));
    b.addEventListener('click', () => onRate(score));
    return b;
  });
  const prompt = el('p', { class: 'prompt' }, T.ratePrompt);
  const group = el('div', { class: 'stars', role: 'group', 'aria-label': T.rateGroup }, buttons);
  const thanks = el('p', { class: 'thanks', role: 'status' });
  const element = el('div', { class: 'rating', hidden: '' }, [prompt, group, thanks]);

  return {
    element,
    render(r) {
      show(element, r !== 'hidden');
      show(prompt, r !== 'thanks');
      show(group, r !== 'thanks');
      for (const b of buttons) b.disabled = r === 'sending';
      setText(thanks, r === 'thanks' ? T.thanks : r === 'failed' ? T.rateFailed : '');
      show(thanks, r === 'thanks' || r === 'failed');
    },
  };
}
