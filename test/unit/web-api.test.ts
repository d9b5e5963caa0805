import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, apiFetch, NETWORK_ERROR_STATUS, setNetworkErrorWording } from '../../web/src/lib/api.ts';
import { en } from '../../web/src/i18n/en.ts';
import { sv } from '../../web/src/i18n/sv.ts';

test('the API client loads in Node and words a network failure through the i18n catalogs', async () => {
  // No server behind a relative address in Node: the request fails as a network failure would.
  const failure = async () => {
    try {
      await apiFetch('/api/health');
    } catch (err) {
      return err;
    }
    throw new Error('the request should have failed');
  };
  const swedish = await failure();
  assert.ok(swedish instanceof ApiError);
  assert.equal(swedish.status, NETWORK_ERROR_STATUS);
  assert.equal(swedish.title, sv['api.networkTitle']);
  assert.equal(swedish.detail, sv['api.network']);
  setNetworkErrorWording(() => ({ title: en['api.networkTitle'], detail: en['api.network'] }));
  const english = await failure();
  assert.ok(english instanceof ApiError);
  assert.equal(english.detail, 'The server does not answer. Check the connection and try again.');
});
