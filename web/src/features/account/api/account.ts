import { apiFetch } from '../../../lib/api.ts';

export { PASSWORD_MIN_LENGTH } from '../../../../../src/domain/auth.ts';

export function changePassword(currentPassword: string, newPassword: string): Promise<null> {
  return apiFetch<null>('/api/auth/password', { method: 'POST', json: { currentPassword, newPassword } });
}

export function resetPassword(token: string, password: string): Promise<null> {
  return apiFetch<null>('/api/auth/password-reset', { method: 'POST', json: { token, password } });
}
