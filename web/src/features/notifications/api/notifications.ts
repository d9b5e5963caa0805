import { apiFetch } from '../../../lib/api.ts';

export const fetchNotifications = (signal?: AbortSignal) => apiFetch('/api/me/notifications', { contract: 'notifications.list', signal });
/** Marks the listed notifications read, or all of them. */
export const markRead = (ids?: string[]) => apiFetch('/api/me/notifications/read', { contract: 'notifications.read', method: 'POST', json: ids ? { ids } : {} });
