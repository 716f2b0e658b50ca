/**
 * The login form: visible labels "Email" and "Password" and a "Sign in" button (SPEC §7
 * contract names), the server's own error text in an alert on failure.
 *
 * @example
 *   <Login notice="" signIn={(email, password) => api.login(email, password).then(() => null)} />
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

export interface LoginProps {
  /** Shown in the alert before any attempt (e.g. "Your session has ended"). */
  notice: string;
  /** Resolves to null on success, or to the message to show. */
  signIn(email: string, password: string): Promise<string | null>;
}

export function Login({ notice, signIn }: LoginProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  useEffect(() => emailInput.current?.focus(), []);

  const submit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    void signIn(email.trim(), password).then((message) => {
      // On success the app replaces this form; on failure keep the email, clear the password.
      if (message === null) return;
      setBusy(false);
      setError(message);
      setPassword('');
      passwordInput.current?.focus();
    });
  };

  return (
    <form class="login" aria-labelledby="login-title" onSubmit={submit}>
      <h1 id="login-title">{t('loginTitle')}</h1>
      <label for="login-email">{t('email')}</label>
      <input ref={emailInput} id="login-email" name="email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      <label for="login-password">{t('password')}</label>
      <input ref={passwordInput} id="login-password" name="password" type="password" autocomplete="current-password" required value={password}
        onInput={(e) => setPassword(e.currentTarget.value)} />
      <button type="submit" class="primary" disabled={busy}>{t(busy ? 'signingIn' : 'signIn')}</button>
      <p class="error" role="alert">{error ?? notice}</p>
    </form>
  );
}
