// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { AfterHoursPolicy } from '../../entities/client.entity';

export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

/** A new client. */
export interface CreateClient {
  name: string;
  slug?: string;
  hourlyRateCents?: number;
  active?: boolean;
  timeZone?: string;
  businessHoursStart?: string;
  businessHoursEnd?: string;
  businessDays?: Weekday[];
  afterHoursPolicy?: AfterHoursPolicy;
  defaultLaborTypeId?: string;
  afterHoursLaborTypeId?: string;
  prepaidAlertPercent?: number;
  idempotencyKey?: string;
}

/** Changes to a client; omitted fields stay as they are. */
export interface UpdateClient {
  id: string;
  name?: string;
  slug?: string;
  hourlyRateCents?: number;
  active?: boolean;
  timeZone?: string;
  businessHoursStart?: string;
  businessHoursEnd?: string;
  businessDays?: Weekday[];
  afterHoursPolicy?: AfterHoursPolicy;
  defaultLaborTypeId?: string;
  afterHoursLaborTypeId?: string;
  prepaidAlertPercent?: number;
}

export interface ClientFilter {
  active?: boolean;
  search?: string;
}
