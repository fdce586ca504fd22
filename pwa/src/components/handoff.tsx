import { useSignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { hasRole } from '../../../shared/auth.js';
import type { ReceiptLink } from '../../../shared/receipt-links.js';
import type { Ticket } from '../../../shared/tickets.js';
import { describeFailure } from '../lib/failure-text.js';
import { networkUp } from '../lib/network.js';
import { choosePrintWidth, printOnly, printWidth, PRINT_WIDTHS } from '../lib/print-layout.js';
import { mintReceiptLink, receiptUrl, revokeReceiptLink } from '../lib/receipt-link.js';
import { currentUser } from '../lib/session.js';
import { qrPngFile, shareDataOf, shareHandoff, webShareAvailable, type Handoff } from '../lib/share.js';
import { ChoiceGroup } from './choice-group.js';
import './print.css';
import { ConfirmStep } from './confirm-step.js';

/**
 * Share and Print under a ticket card or a receipt: Share opens the phone's share sheet (hidden
 * where there is none) with the words, the link and the QR image; Print prints the card alone on
 * the receipt paper chosen here (58 or 80 mm, remembered on the phone). Not printed itself.
 */
export function HandoffActions({ handoff, target }: { handoff: Handoff; target: RefObject<HTMLElement | null> }) {
  const qrFile = useSignal<File | null>(null);
  const problem = useSignal<string | null>(null);
  const canShare = webShareAvailable();
  useEffect(() => {
    // drawn ahead, so the share sheet opens straight from the tap (browsers allow it only then)
    let alive = true;
    qrFile.value = null;
    const qr = handoff.qr;
    if (qr && canShare && typeof navigator.canShare === 'function') {
      qrPngFile(qr.text, qr.fileName).then(
        (file) => alive && (qrFile.value = file),
        (error: unknown) => alive && (problem.value = `The QR image could not be made (${error instanceof Error ? error.message : String(error)}); sharing sends the words only.`),
      );
    }
    return () => {
      alive = false;
    };
  }, [handoff.qr?.text]);

  async function share() {
    problem.value = null;
    try {
      await shareHandoff(shareDataOf(handoff, qrFile.value));
    } catch (error) {
      problem.value = `Could not share: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  return (
    <div class="handoff no-print">
      <div class="row">
        {canShare && (
          <button type="button" class="button" onClick={() => void share()}>
            Share
          </button>
        )}
        <button type="button" class="button" onClick={() => target.current && printOnly(target.current)}>
          Print
        </button>
      </div>
      <ChoiceGroup legend="Receipt paper" name="print-width" options={PRINT_WIDTHS} value={printWidth.value} onChange={choosePrintWidth} labelOf={(w) => `${w} mm`} />
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
    </div>
  );
}

/** A QR code of a link (the encoder loads on first use, as the ticket's QR code does). */
function LinkQr({ url }: { url: string }) {
  const svg = useSignal<string | null>(null);
  useEffect(() => {
    let alive = true;
    void import('../lib/qr.js').then(({ qrSvg }) => alive && (svg.value = qrSvg(url)));
    return () => {
      alive = false;
    };
  }, [url]);
  return <div class="qr" role="img" aria-label="QR code of the receipt link" data-testid="receipt-qr" data-url={url} dangerouslySetInnerHTML={{ __html: svg.value ?? '' }} />;
}

type LinkState = { kind: 'waiting' } | { kind: 'ready'; link: ReceiptLink } | { kind: 'revoked' } | { kind: 'failed'; message: string };

/**
 * The receipt's link for the driver, /r/<token>, as a QR code and its address: fetched from the
 * server when the receipt is shown online (the same link each time), "when back online" otherwise.
 * Managers can revoke it, after a confirm; `onLink` hears the link (for Share).
 */
export function ReceiptLinkQr({ ticket, garageId, onLink }: { ticket: Ticket; garageId: number; onLink?: (url: string | null) => void }) {
  const state = useSignal<LinkState>({ kind: 'waiting' });
  const asking = useSignal(false);
  const busy = useSignal(false);
  const online = networkUp.value;
  const manager = currentUser.value !== null && hasRole(currentUser.value.role, 'manager');

  async function fetchLink() {
    state.value = { kind: 'waiting' };
    try {
      const link = await mintReceiptLink(garageId, ticket.ticketNumber);
      state.value = { kind: 'ready', link };
      onLink?.(receiptUrl(link));
    } catch (error) {
      state.value = { kind: 'failed', message: describeFailure(error) };
    }
  }

  useEffect(() => {
    if (online && state.value.kind !== 'ready' && state.value.kind !== 'revoked') void fetchLink();
  }, [ticket.ticketNumber, garageId, online]);

  async function revoke() {
    busy.value = true;
    try {
      await revokeReceiptLink(garageId, ticket.ticketNumber);
      asking.value = false;
      state.value = { kind: 'revoked' };
      onLink?.(null);
    } catch (error) {
      state.value = { kind: 'failed', message: describeFailure(error) };
    } finally {
      busy.value = false;
    }
  }

  const s = state.value;
  return (
    <section class="receipt-link" aria-label="Receipt link for the driver">
      {s.kind === 'ready' && (
        <>
          <LinkQr url={receiptUrl(s.link)} />
          <p class="small">Scan to see this receipt: {receiptUrl(s.link)}</p>
        </>
      )}
      {s.kind === 'waiting' && (
        <p class="note no-print" role="status">
          {online ? 'Getting the receipt link…' : 'Receipt link when back online.'}
        </p>
      )}
      {s.kind === 'revoked' && (
        <div class="no-print">
          <p role="status">Receipt link revoked: it no longer shows this receipt.</p>
          <button type="button" class="button" disabled={!online} onClick={() => void fetchLink()}>
            Make a new link
          </button>
        </div>
      )}
      {s.kind === 'failed' && (
        <div class="no-print">
          <p class="error" role="alert">
            No receipt link: {s.message}
          </p>
          <button type="button" class="button" disabled={!online} onClick={() => void fetchLink()}>
            Try again
          </button>
        </div>
      )}
      {manager && s.kind === 'ready' && (
        <div class="no-print">
          {asking.value ? (
            <ConfirmStep
              label="Revoke the receipt link?"
              question={`Revoke the receipt link of ${ticket.ticketNumber}? Whoever has it will no longer see the receipt.`}
              yes="Yes, revoke it"
              keep="Keep it"
              busy={busy.value}
              blocked={!online}
              onYes={() => void revoke()}
              onKeep={() => (asking.value = false)}
            />
          ) : (
            <button type="button" class="button" disabled={!online} onClick={() => (asking.value = true)}>
              Revoke receipt link…
            </button>
          )}
        </div>
      )}
    </section>
  );
}
