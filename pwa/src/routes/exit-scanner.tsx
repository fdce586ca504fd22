import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { parseTicketNumber } from '../../../shared/ticket-number.js';

/** The part of the Shape Detection API used here (not yet in TypeScript's DOM types). */
type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorClass = new (options: { formats: string[] }) => Detector;

/** How often a video frame is checked for a QR code. */
const SCAN_EVERY_MS = 250;

/**
 * Reads a ticket's QR code with the back camera and the browser's BarcodeDetector; loaded only
 * when the attendant taps Scan. Typing the number always works as well.
 */
export function Scanner({ onTicket, onClose }: { onTicket: (ticketNumber: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const problem = useSignal<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const Barcode = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
    const start = async () => {
      if (!Barcode) throw new Error('This browser cannot read QR codes');
      const detector = new Barcode({ formats: ['qr_code'] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play();
      const tick = async () => {
        if (stopped || !video.current) return;
        const codes = await detector.detect(video.current);
        for (const code of codes) {
          const n = parseTicketNumber(code.rawValue);
          if (n) return onTicket(n);
        }
        timer = setTimeout(() => void tick().catch(fail), SCAN_EVERY_MS);
      };
      await tick();
    };
    const fail = (error: unknown) => {
      problem.value = `The camera could not read the code (${error instanceof Error ? error.message : String(error)}). Type the ticket number instead.`;
    };
    start().catch(fail);
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  return (
    <section class="scanner" aria-label="QR code scanner">
      {problem.value ? (
        <p class="error" role="alert">
          {problem.value}
        </p>
      ) : (
        <video ref={video} muted playsInline aria-label="Camera view: point it at the ticket's QR code" />
      )}
      <button type="button" class="button" onClick={onClose}>
        Stop scanning
      </button>
    </section>
  );
}
