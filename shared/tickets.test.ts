import { describe, expect, it } from 'vitest';
import { readTicketTarget } from './tickets.js';

describe('readTicketTarget', () => {
  it.each([
    ['PS-7K3QXM', { ticketNumber: 'PS-7K3QXM', plate: null }],
    ['ps7k3qxm', { ticketNumber: 'PS-7K3QXM', plate: { display: 'PS7K3QXM', normalized: 'PS7K3QXM' } }], // could be either: plate first
    ['PS-7K3QXO', { ticketNumber: 'PS-7K3QX0', plate: null }], // O reads as 0
    ['PS-12', null], // looks like a ticket, is not one
    ['7K3QXM', { ticketNumber: 'PS-7K3QXM', plate: { display: '7K3QXM', normalized: '7K3QXM' } }],
    ['ABC 1234', { ticketNumber: null, plate: { display: 'ABC 1234', normalized: 'ABC1234' } }],
    ['!!', null],
  ])('%j', (text, expected) => {
    const target = readTicketTarget(text);
    if (expected === null) expect(target).toBeNull();
    else expect(target).toMatchObject(expected);
  });
});
