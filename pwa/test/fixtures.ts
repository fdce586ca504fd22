import { User } from '../../shared/auth.js';
import { GarageSettings, GarageStats } from '../../shared/garage.js';
import { Activity, Ticket } from '../../shared/tickets.js';

/** Fixtures are parsed with the shared schemas, so a fixture that drifts from the contract fails. */
export const fixture = {
  user: (over: Partial<User> = {}): User =>
    User.parse({ id: 7, username: 'ana', role: 'attendant', disabled: false, slackUserId: null, createdAt: '2026-11-01T08:00:00.000Z', ...over }),
  activeTicket: (over: Partial<Ticket> = {}): Ticket =>
    Ticket.parse({
      id: 1,
      ticketNumber: 'PS-7K3QXM',
      licensePlate: 'ABC 123',
      vehicleType: 'Car',
      entryTime: '2026-11-23T12:00:00.000Z',
      exitTime: null,
      durationMinutes: null,
      amountPaid: null,
      status: 'active',
      paymentMethod: null,
      hourlyRate: 1000,
      amountDue: 2000,
      ...over,
    }),
  completedTicket: (over: Partial<Ticket> = {}): Ticket =>
    Ticket.parse({
      id: 1,
      ticketNumber: 'PS-7K3QXM',
      licensePlate: 'ABC 123',
      vehicleType: 'Car',
      entryTime: '2026-11-23T12:00:00.000Z',
      exitTime: '2026-11-23T13:30:00.000Z',
      durationMinutes: 90,
      amountPaid: 2000,
      status: 'completed',
      paymentMethod: 'Cash',
      hourlyRate: 1000,
      feeBreakdown: {
        durationMinutes: 90,
        billableHours: 2,
        hourlyRate: 1000,
        graceMinutes: 0,
        graceApplied: false,
        dailyMaxCents: null,
        fullDays: 0,
        dailyCapsApplied: 0,
        totalCents: 2000,
      },
      ...over,
    }),
  stats: (over: Partial<GarageStats> = {}): GarageStats =>
    GarageStats.parse({
      totalSpaces: 140,
      occupiedSpaces: 23,
      availableSpaces: 117,
      occupancyPercentage: 16.43,
      availablePercentage: 83.57,
      todayRevenue: 12550,
      vehiclesEnteredToday: 31,
      vehiclesProcessedToday: 8,
      averageStayMinutes: 95,
      hourlyRate: 1000,
      graceMinutes: 0,
      dailyMaxCents: null,
      timezone: 'America/New_York',
      ...over,
    }),
  activity: (over: Partial<Activity> = {}): Activity =>
    Activity.parse({
      type: 'entry',
      timestamp: '2026-11-23T14:05:00.000Z',
      ticketNumber: 'PS-7K3QXM',
      licensePlate: 'ABC 123',
      vehicleType: 'Car',
      amountPaid: null,
      paymentMethod: null,
      ...over,
    }),
  settings: (over: Partial<GarageSettings> = {}): GarageSettings =>
    GarageSettings.parse({ totalSpaces: 140, hourlyRate: 1000, timezone: 'UTC', graceMinutes: 0, dailyMaxCents: null, ...over }),
};

/** The one error shape, for msw answers. */
export const apiError = (code: string, message: string, details?: unknown[]) => ({ code, message, ...(details ? { details } : {}) });
