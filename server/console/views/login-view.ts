/**
 * The login form: visible labels "Email" and "Password" and a "Sign in" button (SPEC §7
 * contract names), the server's own error text in an alert on failure.
 *
 * @example
 *   root.replaceChildren(loginView({ signIn: (email, password) => api.login(email, password).then(() => null) }));
 */
import { el, setText } from '../../../widget/dom';
import { t } from '../i18n';

export interface LoginHandlers {
  /** Resolves to null on success, or to the message to show. */
  signIn(email: string, password: string): Promise<string | null>;
}

export function loginView(on: LoginHandlers, notice = ''): HTMLElement {
  const email = el('input', { id: 'login-email', name: 'email', type: 'email', autocomplete: 'username', required: '' });
  const password = el('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: '' });
  const submit = el('button', { type: 'submit', class: 'primary' }, t('signIn'));
  const error = el('p', { class: 'error', role: 'alert' }, notice);
  const form = el('form', { class: 'login', 'aria-labelledby': 'login-title' }, [
    el('h1', { id: 'login-title' }, t('loginTitle')),
    el('label', { for: 'login-email' }, t('email')),
    email,
    el('label', { for: 'login-password' }, t('password')),
    password,
    submit,
    error,
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit.disabled = true;
    setText(submit, t('signingIn'));
    setText(error, '');
    void on.signIn(email.value.trim(), password.value).then((message) => {
      // On success the controller replaces this form; on failure keep the email, clear the password.
      if (message === null) return;
      submit.disabled = false;
      setText(submit, t('signIn'));
      setText(error, message);
      password.value = '';
      password.focus();
    });
  });
  queueMicrotask(() => email.focus());
  return form;
}
