import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const manifest = await readFile(new URL('./manifest.yml', import.meta.url), 'utf8');
const lines = manifest.split('\n').map((l) => l.trim());

describe('bot/manifest.yml', () => {
  it.each([
    ['the slash command', '- command: /park'],
    ['the commands scope', '- commands'],
    ['the chat:write scope', '- chat:write'],
    ['interactivity', 'is_enabled: true'],
    ['HTTP, not Socket Mode', 'socket_mode_enabled: false'],
    ['the messages tab, where requesters hear a manager’s decision', 'messages_tab_enabled: true'],
    ['the Home tab, a manager’s garages', 'home_tab_enabled: true'],
    ['the app_home_opened event, which builds the Home tab', '- app_home_opened'],
  ])('declares %s', (_name, line) => {
    expect(lines).toContain(line);
  });

  it('sends commands, events and button clicks to the one route, POST /slack/events', () => {
    const urls = lines.filter((l) => /^(url|request_url):/.test(l)).map((l) => l.split(': ')[1]);
    expect(urls).toEqual(Array(3).fill('https://parkops.example.com/slack/events'));
  });

  it('asks for no scope beyond commands and chat:write', () => {
    const scopes = manifest.split('bot:\n')[1]!.split('\nsettings:')[0]!.trim().split('\n').map((l) => l.trim());
    expect(scopes).toEqual(['- commands', '- chat:write']);
  });

  it('shows the reservation commands in the usage hint', () => {
    const hint = lines.find((l) => l.startsWith('usage_hint:'))!;
    for (const command of ['reserve ABC123 08:00-18:00 prepaid 20', 'reservations', 'cancel-reservation 12']) expect(hint).toContain(command);
  });

  it('subscribes to app_home_opened alone, as a bot event', () => {
    const events = manifest.split('bot_events:\n')[1]!.split('\n  interactivity:')[0]!.trim().split('\n').map((l) => l.trim());
    expect(events).toEqual(['- app_home_opened']);
  });

  it('shows /park alerts in the usage hint', () => {
    expect(lines.find((l) => l.startsWith('usage_hint:'))).toContain('alerts [mute full]');
  });

  it('shows the correction commands in the usage hint', () => {
    const hint = lines.find((l) => l.startsWith('usage_hint:'))!;
    for (const command of ['void PS-7K3QXM duplicate', 'refund PS-7K3QXM 5.00 wrong rate', 'waive ABC123 cash', 'approvals', 'shift', '[lost]', '[CINEMA5]', 'rates']) expect(hint).toContain(command);
  });

  it("shows /park receipt in the usage hint, within Slack's 1000 characters", () => {
    const hint = lines.find((l) => l.startsWith('usage_hint:'))!;
    expect(hint).toContain('receipt PS-7K3QXM');
    expect(hint.length).toBeLessThan(1000);
  });
});
