import { Fragment } from 'preact';
import { formatCents, formatDuration } from '../../../shared/format.js';
import type { DailyReport } from '../../../shared/reports.js';
import { PAYMENT_METHODS } from '../../../shared/tickets.js';
import { formatDateTime } from '../lib/time.js';

/** One figure: what it is, and its value (with an optional line under it). */
function Figure({ name, value, under, id }: { name: string; value: string; under?: string | undefined; id: string }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd data-testid={`figure-${id}`}>
        {value}
        {under && (
          <>
            {' '}
            <span class="muted small figure-under">{under}</span>
          </>
        )}
      </dd>
    </div>
  );
}

/**
 * A report's figures: gross, refunds, net, money by payment method, cars in and out, the average
 * stay, the peak and its hour, cars still parked (and those over 24 h), voids, lost tickets and
 * corrections.
 */
export function ReportFigures({ report, timeZone, locale }: { report: DailyReport; timeZone: string; locale: string }) {
  const r = report;
  const oneDay = r.from === r.to;
  const peakWhen = r.peakHour === null ? 'Nobody came or went' : oneDay || r.peakAt === null ? `at ${r.peakHour}` : `${formatDateTime(r.peakAt, timeZone, locale)} (the ${r.peakHour} hour)`;
  const methods = PAYMENT_METHODS.filter((m) => r.revenueByPaymentMethod[m] !== 0 || r.refundsByPaymentMethod[m] !== 0);
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">Figures</h2>
      <dl class="figures">
        <Figure id="gross" name="Gross" value={formatCents(r.grossRevenue)} />
        <Figure id="refunds" name="Refunds" value={formatCents(r.refunds)} under={`${r.refundCount} ${r.refundCount === 1 ? 'refund' : 'refunds'}`} />
        <Figure id="net" name="Net" value={formatCents(r.netRevenue)} />
        <Figure id="vehicles" name="Vehicles" value={`${r.vehiclesIn} in · ${r.vehiclesOut} out`} />
        <Figure id="average-stay" name="Average stay" value={r.averageStayMinutes === null ? 'No exits' : formatDuration(r.averageStayMinutes)} />
        <Figure id="peak" name="Peak" value={`${r.peakOccupancy} ${r.peakOccupancy === 1 ? 'car' : 'cars'}`} under={peakWhen} />
        <Figure id="still-parked" name="Still parked" value={String(r.stillParked)} under={`${r.openOver24h} over 24 h`} />
        <Figure id="voids" name="Voids" value={String(r.voids)} />
        <Figure id="lost-tickets" name="Lost tickets" value={String(r.lostTickets)} />
        <Figure id="corrections" name="Corrections" value={String(r.corrections)} />
      </dl>
      <h3 id="methods-title">By payment method</h3>
      {methods.length === 0 ? (
        <p class="muted">No payments in this period.</p>
      ) : (
        <dl class="breakdown" aria-labelledby="methods-title" data-testid="by-method">
          {methods.map((m) => (
            <Fragment key={m}>
              <dt>{m}</dt>
              <dd>
                {formatCents(r.revenueByPaymentMethod[m])}
                {r.refundsByPaymentMethod[m] !== 0 && ` (${formatCents(r.refundsByPaymentMethod[m])} refunded)`}
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}
