// Ansible inventories (INI and YAML, as in Ansible's "How to build your inventory") become host specs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandRange, inventoryFormat, inventoryHosts } from './inventory.js';

const INI = `
# production
bastion.example.com ansible_port=2200

[web]
web[01:02].example.com
app3 ansible_host=203.0.113.13 ansible_user=ops ansible_ssh_private_key_file=~/.ssh/app3

[db]
db1 ansible_host=10.0.0.5 ansible_port=2222

[prod:children]
web
db

[prod:vars]
ansible_user=deploy

[all:vars]
ansible_user=nobody-wins-over-groups
ansible_port=22

[control]
localhost ansible_connection=local
`;

const YAML = `
all:
  vars:
    ansible_user: deploy
  hosts:
    bastion.example.com:
      ansible_port: 2200
  children:
    web:
      hosts:
        web01.example.com:
        app3:
          ansible_host: 203.0.113.13
          ansible_user: ops
    db:
      hosts:
        db1:
          ansible_host: 10.0.0.5
          ansible_port: 2222
      vars:
        ansible_user: postgres-admin
`;

describe('inventory', () => {
  it('expands host ranges', () => {
    assert.deepEqual(expandRange('web[01:03].example.com'), ['web01.example.com', 'web02.example.com', 'web03.example.com']);
    assert.deepEqual(expandRange('db-[a:c]'), ['db-a', 'db-b', 'db-c']);
  });

  it('reads INI: ranges, host vars, group vars through children, all:vars as the weakest', () => {
    const hosts = inventoryHosts(INI, 'ini');
    const by = new Map(hosts.map((h) => [h.label, h]));
    assert.deepEqual([...by.keys()], ['bastion.example.com', 'web01.example.com', 'web02.example.com', 'app3', 'db1', 'localhost']);
    assert.deepEqual(by.get('web01.example.com'), { label: 'web01.example.com', local: false, user: 'deploy', host: 'web01.example.com', port: 22 });
    assert.deepEqual(by.get('app3'), { label: 'app3', local: false, user: 'ops', host: '203.0.113.13', port: 22, identity: '~/.ssh/app3' });
    assert.deepEqual(by.get('db1'), { label: 'db1', local: false, user: 'deploy', host: '10.0.0.5', port: 2222 });
    assert.equal(by.get('bastion.example.com')?.port, 2200);
    assert.equal(by.get('localhost')?.local, true);
  });

  it('limits to groups and hosts', () => {
    assert.deepEqual(inventoryHosts(INI, 'ini', 'prod').map((h) => h.label), ['web01.example.com', 'web02.example.com', 'app3', 'db1']);
    assert.deepEqual(inventoryHosts(INI, 'ini', 'db,bastion.example.com').map((h) => h.label), ['bastion.example.com', 'db1']);
    assert.throws(() => inventoryHosts(INI, 'ini', 'nope'), /no such host or group/);
  });

  it('reads YAML', () => {
    const hosts = inventoryHosts(YAML, 'yaml');
    const by = new Map(hosts.map((h) => [h.label, h]));
    assert.deepEqual(by.get('db1'), { label: 'db1', local: false, user: 'postgres-admin', host: '10.0.0.5', port: 2222 });
    assert.equal(by.get('app3')?.user, 'ops');
    assert.equal(by.get('web01.example.com')?.user, 'deploy');
    assert.deepEqual(inventoryHosts(YAML, 'yaml', 'web').map((h) => h.label), ['web01.example.com', 'app3']);
  });

  it('detects the format', () => {
    assert.equal(inventoryFormat('hosts', INI), 'ini');
    assert.equal(inventoryFormat('inventory.yml', YAML), 'yaml');
    assert.equal(inventoryFormat('hosts', YAML), 'yaml');
  });

  it('refuses a bad port', () => {
    assert.throws(() => inventoryHosts('web1 ansible_port=ssh\n', 'ini'), /not a port number/);
  });
});
