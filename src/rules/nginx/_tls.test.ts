// Unit tests for the OpenSSL cipher-string judgement behind nginx/weak-ciphers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { weakCipherFamilies } from './_tls.js';

describe('weakCipherFamilies', () => {
  const cases: [string, string[]][] = [
    ['HIGH:!aNULL:!MD5', []],
    ['ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384', []],
    ['EECDH+AESGCM:EDH+AESGCM', []],
    ['AES256+EECDH:AES256+EDH:!aNULL', []],
    ['kEECDH+ECDSA+AES128:kEECDH+ECDSA:kEECDH:EDH:!aNULL:!eNULL:!LOW:!3DES:!MD5:!EXP:!PSK:!SRP:!DSS:!RC4:!SEED', []],
    ['ALL:!aNULL:!3DES:!RC4', []],
    ['DEFAULT', []],
    ['HIGH:!MD5', ['aNULL']],
    ['RC4:HIGH:!aNULL:!MD5', ['RC4']],
    ['ECDHE-RSA-DES-CBC3-SHA:ECDHE-RSA-AES128-SHA', ['3DES']],
    ['ALL:!aNULL:!ADH:!eNULL:!LOW:!EXP:RC4+RSA:+HIGH:+MEDIUM', ['RC4', '3DES']],
    ['EXP-RC4-MD5:NULL-SHA', ['RC4', 'MD5', 'NULL', 'EXPORT']],
    ['ADH-AES256-SHA', ['aNULL']],
  ];
  for (const [value, expected] of cases) {
    it(`${value} -> ${expected.join(', ') || 'nothing weak'}`, () => {
      assert.deepEqual(weakCipherFamilies(value), expected);
    });
  }
});
