/**
 * The 1–5 rating shown after resolution: five buttons named "Rate N of 5", then
 * "Thanks for your feedback" once the server acknowledged the `rate` event; after 1 or 2 stars
 * a comment box asks what went wrong (sent as the same score with a `comment`).
 *
 * @example
 *   const rating = createRating((score) => connection.rate(score), (text) => connection.comment(text));
 *   rating.render(state);
 */
import { el, setText, show } from './dom';
import { rateLabel, T } from './strings';
import type { WidgetState } from './widget-state';

export function createRating(onRate: (score: number) => void, onComment: (text: string) => void): { element: HTMLDivElement; render(s: WidgetState): void } {
  const buttons = [1, 2, 3, 4, 5].map((score) => {
    const b = el('button', { type: 'button', class: 'star', 'aria-label': rateLabel(score) }, String(score));
    b.addEventListener('click', () => onRate(score));
    return b;
  });
  const prompt = el('p', { class: 'prompt' }, T.ratePrompt);
  const group = el('div', { class: 'stars', role: 'group', 'aria-label': T.rateGroup }, buttons);
  const thanks = el('p', { class: 'thanks', role: 'status' });
  const text = el('textarea', { id: 'rd-comment', rows: '2', maxlength: '2000' });
  const send = el('button', { type: 'submit', class: 'save' }, T.rateCommentSend);
  const comment = el('form', { class: 'comment', hidden: '' }, [el('label', { for: 'rd-comment' }, T.rateCommentLabel), text, send]);
  comment.addEventListener('submit', (e) => {
    e.preventDefault();
    if (text.value.trim()) onComment(text.value.trim());
  });
  const element = el('div', { class: 'rating', hidden: '' }, [prompt, group, thanks, comment]);

  return {
    element,
    render(s) {
      const r = s.rating;
      show(element, r !== 'hidden');
      show(prompt, r !== 'thanks');
      show(group, r !== 'thanks');
      for (const b of buttons) b.disabled = r === 'sending';
      const done = s.comment === 'sent';
      setText(thanks, done ? T.rateCommentThanks : r === 'thanks' ? T.thanks : r === 'failed' ? T.rateFailed : '');
      show(thanks, r === 'thanks' || r === 'failed');
      show(comment, s.comment === 'ask' || s.comment === 'sending' || s.comment === 'failed');
      send.disabled = s.comment === 'sending';
    },
  };
}
