import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { bestPlateMatches } from '../../../shared/plate-match.js';
import { knownActivePlates, listWords, refreshActivePlates, refreshFailureWords, type KeptPlates, type ListStatus } from '../lib/active-plates.js';
import { garageLocale, garageTimeZone } from '../lib/garage.js';
import type { OutboxItem } from '../lib/local-store.js';
import { networkUp } from '../lib/network.js';
import { captureGuideBox, GUIDE_BOX, openRearCamera } from '../lib/plate-capture.js';
import { carsToMatch, proposalWords, type ParkedOnPhone } from '../lib/plate-parked.js';
import { loadPlateReader, type PlateReader } from '../lib/plate-reader.js';
import { formatTime } from '../lib/time.js';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The guide box over the video, placed by the same fractions the capture cuts by. */
const guideStyle = {
  position: 'absolute',
  left: `${GUIDE_BOX.left * 100}%`,
  top: `${GUIDE_BOX.top * 100}%`,
  width: `${GUIDE_BOX.width * 100}%`,
  height: `${GUIDE_BOX.height * 100}%`,
  border: '3px solid #ffd23f',
  borderRadius: '6px',
  boxShadow: '0 0 0 100vmax rgba(0, 0, 0, 0.35)',
  pointerEvents: 'none',
} as const;

type Props = {
  /** The plate-shaped texts read inside the guide box, likeliest first (never empty). */
  onRead: (candidates: string[]) => void;
  onClose: () => void;
};

/**
 * Reads a plate with the rear camera: a video with a guide box, and a Read button that reads the
 * box's picture on the phone. Loaded only when the attendant taps the camera button; the model
 * loads while the plate is being framed. What it reads goes to `onRead`, for the attendant to check.
 */
export function PlateCamera({ onRead, onClose }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const reader = useRef<PlateReader | null>(null);
  const ready = useSignal({ camera: false, reader: false });
  const reading = useSignal(false);
  const problem = useSignal<string | null>(null);
  const hint = useSignal<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    openRearCamera()
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return s.getTracks().forEach((t) => t.stop());
        video.current.srcObject = s;
        await video.current.play();
        ready.value = { ...ready.value, camera: true };
      })
      .catch((error: unknown) => (problem.value = `The camera could not start (${message(error)}). Type the plate instead.`));
    loadPlateReader()
      .then((r) => {
        reader.current = r;
        ready.value = { ...ready.value, reader: true };
      })
      .catch((error: unknown) => (problem.value = `The plate reader could not start (${message(error)}). Type the plate instead; download the plate camera again under Plate camera if this goes on.`));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  async function read() {
    if (!video.current || !reader.current) return;
    reading.value = true;
    hint.value = null;
    try {
      const result = await reader.current.read(captureGuideBox(video.current));
      if (result.candidates.length > 0) onRead(result.candidates);
      else hint.value = 'No plate found in the box. Fill the yellow box with the plate, hold still, and read again.';
    } catch (error) {
      problem.value = `The plate could not be read (${message(error)}). Type the plate instead.`;
    } finally {
      reading.value = false;
    }
  }

  const waiting = !ready.value.camera ? 'Starting the camera…' : !ready.value.reader ? 'Loading the plate reader…' : null;
  return (
    <section class="scanner plate-camera" aria-label="Plate camera">
      {problem.value ? (
        <p class="error" role="alert">
          {problem.value}
        </p>
      ) : (
        <>
          <div style={{ position: 'relative', overflow: 'hidden', borderRadius: '10px' }}>
            <video ref={video} muted playsInline aria-label="Camera view: put the plate inside the yellow box" />
            <div style={guideStyle} aria-hidden="true" />
          </div>
          {hint.value && <p role="status">{hint.value}</p>}
          <button type="button" class="button button-primary" disabled={waiting !== null || reading.value} onClick={() => void read()}>
            {reading.value ? 'Reading…' : (waiting ?? 'Read plate')}
          </button>
        </>
      )}
      <button type="button" class="button" onClick={onClose}>
        Close camera
      </button>
    </section>
  );
}

type FinderProps = {
  /** The garage on screen: its list of parked cars is the one matched against (null: none known). */
  garageId: number | null;
  /** The outbox items of the garage on screen: the cars this phone let in are found among them. */
  items: readonly OutboxItem[];
  /** The car the attendant tapped. */
  onPick: (car: ParkedOnPhone) => void;
  onClose: () => void;
};

/**
 * Car out by plate: the camera, then the parked cars whose plates match the read (look-alikes as
 * equal), at most three, best first; one tap picks one. The cars are the garage's list kept on the
 * phone (refreshed as the camera opens, when online) and the cars this phone let in since, less
 * those it saw leave. Nothing is picked for the attendant, and the read never leaves the phone.
 */
export function PlateFinder({ garageId, items, onPick, onClose }: FinderProps) {
  const read = useSignal<string[] | null>(null);
  const kept = useSignal<KeptPlates | null>(null);
  const status = useSignal<ListStatus>({ state: 'offline' });

  useEffect(() => {
    kept.value = garageId === null ? null : knownActivePlates(garageId);
    if (garageId === null || !networkUp.value) {
      status.value = { state: 'offline' };
      return;
    }
    let current = true;
    status.value = { state: 'refreshing' };
    refreshActivePlates(garageId)
      .then((r) => {
        if (!current) return;
        kept.value = r.plates;
        status.value = { state: 'fresh', notKept: r.kept ? null : r.problem };
      })
      .catch((error: unknown) => {
        // the list kept on the phone and the outbox still give cars to match: say so, and go on
        if (current) status.value = { state: 'failed', reason: refreshFailureWords(error) };
      });
    return () => {
      current = false;
    };
  }, [garageId]);

  // a garage's list may hold tens of thousands of cars: matched again only when the read or the cars change
  const candidates = read.value;
  const cars = kept.value?.cars;
  const proposals = useMemo(() => (candidates ? bestPlateMatches(candidates, carsToMatch(items, cars ?? []), (car) => car.licensePlate) : []), [candidates, items, cars]);
  const listLine = (
    <p class="note" role="status">
      <small>{listWords(status.value, kept.value, (iso) => formatTime(iso, garageTimeZone.value, garageLocale.value))}</small>
    </p>
  );
  if (!candidates) {
    return (
      <>
        <PlateCamera onRead={(texts) => (read.value = texts)} onClose={onClose} />
        {listLine}
      </>
    );
  }
  return (
    <section class="plate-proposals" aria-labelledby="plate-proposals-title">
      <h2 id="plate-proposals-title">Plate read: {candidates[0]}</h2>
      {proposals.length === 0 ? (
        <p role="status">No car parked here that this phone knows has a plate like it. Type the ticket number, or find it by plate below.</p>
      ) : (
        <ul class="matches">
          {proposals.map((m) => (
            <li key={m.item.ref}>
              <button type="button" class="button" onClick={() => onPick(m.item)}>
                {m.item.ref} · {m.item.licensePlate} · {proposalWords(m)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {listLine}
      <button type="button" class="button" onClick={() => (read.value = null)}>
        Read again
      </button>
    </section>
  );
}
