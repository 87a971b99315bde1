import { parse } from 'csv-parse/sync';
import { InvoiceColumn, invoiceCsv, InvoiceLine } from '../../../src/billing/invoice-export.service';

const line = (description: string, technician: string | null = 'Mike'): InvoiceLine => ({
  date: '2026-11-03',
  sessionId: 7,
  technician,
  category: 'MAINTENANCE',
  laborType: 'Remote',
  description,
  actualMinutes: 31,
  billableCentiminutes: 4500,
  prepaidCentiminutes: 0,
  rateCents: 10_000,
  amountCents: -7500,
  overageCents: 0,
  billed: false,
  psaTicket: null,
});

describe('the invoice CSV', () => {
  it('keeps text a spreadsheet would run as a formula as text, and leaves numbers alone', () => {
    const csv = invoiceCsv(
      [line('=HYPERLINK("http://evil.example","click")', '@admin'), line('Patched the server, "quoted", twice')],
      [InvoiceColumn.DESCRIPTION, InvoiceColumn.TECHNICIAN, InvoiceColumn.AMOUNT],
    );
    const rows = parse(csv) as string[][];
    expect(rows).toEqual([
      ['Description', 'Technician', 'Amount'],
      ['\'=HYPERLINK("http://evil.example","click")', "'@admin", '-75.00'],
      ['Patched the server, "quoted", twice', 'Mike', '-75.00'],
    ]);
  });
});
