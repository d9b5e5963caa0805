/** Sign-in, sign-out, who am I, password change and reset, single sign-on. */
import { z } from 'zod';
import { safeText } from './common.ts';

export const UserOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'evaluator', 'municipality']),
  municipalityCode: z.string().nullable(),
});
export type AuthUserDto = z.infer<typeof UserOut>;
export const SessionOut = z.object({ user: UserOut, csrfToken: z.string(), expiresAt: z.string() });
export const MeOut = z.object({
  user: UserOut.nullable(),
  csrfToken: z.string().nullable(),
  csrfHeader: z.string(),
  sso: z.object({ enabled: z.boolean(), label: z.string().nullable(), loginUrl: z.string().nullable() }),
});
export type Me = z.infer<typeof MeOut>;

export const LoginBody = z.object({ email: safeText(320), password: safeText(1000) });
export const ChangePasswordBody = z.object({ currentPassword: safeText(1000), newPassword: safeText(1000) });
export const PasswordResetBody = z.object({ token: safeText(200).min(10), password: safeText(1000) });
export const OidcLoginQuery = z.object({ next: safeText(2000).optional() });
export const OidcCallbackQuery = z.object({
  code: safeText(2000).optional(),
  state: safeText(200).optional(),
  error: safeText(200).optional(),
  error_description: safeText(1000).optional(),
});
