/**
 * The email box shown while the shopper waits for a person (SPEC §11): a labelled email field
 * and "Save"; once saved it says so and never asks again (nor when the server already knows an
 * address). The browser checks the address format first; the server validates it again.
 *
 * @example
 *   const form = createContactForm((email) => connection.contact(email));
 *   form.render(state);
 */
import { el, setText, show } from './dom';
import { T } from './strings';
import { asksForContact, type WidgetState } from './widget-state';

export function createContactForm(onSave: (email: string) => void): { element: HTMLElement; render(s: WidgetState): void } {
  const input = el('input', { id: 'rd-email', type: 'email', autocomplete: 'email', required: '', maxlength: '254' });
  const save = el('button', { type: 'submit', class: 'save' }, T.contactSave);
  const prompt = el('p', { class: 'prompt' }, T.contactPrompt);
  const note = el('p', { class: 'note', role: 'status' });
  const form = el('form', { class: 'contact' }, [prompt, el('div', { class: 'row' }, [el('label', { for: 'rd-email' }, T.email), input, save])]);
  const element = el('div', { class: 'contact-box' }, [form, note]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const email = input.value.trim();
    if (email && input.checkValidity()) onSave(email);
  });
  return {
    element,
    render(s) {
      const asking = asksForContact(s);
      show(form, asking);
      save.disabled = s.contact === 'sending';
      setText(note, s.contact === 'saved' ? T.contactSaved : s.contact === 'failed' ? T.contactFailed : '');
      show(note, s.contact === 'saved' || s.contact === 'failed');
      show(element, asking || s.contact === 'saved');
    },
  };
}
