import { act, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWithOutbox, resetAppState } from '../../test/render.js';
import { updateReady } from '../lib/update.js';
import { Banners } from './banners.js';

beforeEach(resetAppState);
afterEach(() => {
  updateReady.value = false;
});

describe('banners', () => {
  it('shows the offline banner while the phone has no network, and hides it when it comes back', async () => {
    renderWithOutbox(<Banners />);
    expect(screen.queryByTestId('offline-banner')).toBeNull();
    await act(() => {
      fireEvent(window, new Event('offline'));
    });
    expect(screen.getByTestId('offline-banner').textContent).toBe('Offline: saved on the phone, sent later.');
    await act(() => {
      fireEvent(window, new Event('online'));
    });
    expect(screen.queryByTestId('offline-banner')).toBeNull();
  });

  it('says so when the network is up but the server cannot be reached', () => {
    const { outbox } = renderWithOutbox(<Banners />);
    act(() => {
      outbox.unreachable.value = true;
    });
    expect(screen.getByTestId('offline-banner').textContent).toBe("Can't reach the server: saved on the phone, sent later.");
  });

  it('offers a reload when a new version is waiting', () => {
    renderWithOutbox(<Banners />);
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
    act(() => {
      updateReady.value = true;
    });
    expect(screen.getByText('A new version of ParkOps is ready.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
