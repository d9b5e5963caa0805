/** User administration (administrators). */
import { z } from 'zod';
import { ACCOUNT_ROLES } from '../domain/access.ts';
import { IdParams, MunicipalityCode, safeText, TEXT_LIMITS } from './common.ts';
import { HistoryEntryOut } from './workflow.ts';

export { ACCOUNT_ROLES, IdParams };
export const AccountRoleSchema = z.enum(ACCOUNT_ROLES);

export const PublicUserOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: AccountRoleSchema,
  municipalityCode: z.string().nullable(),
  disabled: z.boolean(),
  sso: z.boolean(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
});
export type UserItem = z.infer<typeof PublicUserOut>;
export const UserListOut = z.object({ items: z.array(PublicUserOut) });

export const CreateUserBody = z.object({
  email: safeText(320),
  name: safeText(TEXT_LIMITS.name).min(1),
  role: AccountRoleSchema,
  municipalityCode: MunicipalityCode.nullable().optional(),
  password: safeText(1000).optional(),
});
export type NewUser = z.input<typeof CreateUserBody>;

/** PATCH: only the fields sent change. */
export const UpdateUserBody = z.object({
  name: safeText(TEXT_LIMITS.name).min(1).optional(),
  role: AccountRoleSchema.optional(),
  municipalityCode: MunicipalityCode.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UserPatch = z.input<typeof UpdateUserBody>;

export const ResetLinkOut = z.object({ url: z.string(), expiresAt: z.string() });
export type ResetLink = z.infer<typeof ResetLinkOut>;
export const UserHistoryOut = z.object({ items: z.array(HistoryEntryOut) });
