import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../src/graphql/context';
import { report } from '../../src/reporting/report.service';
import { ReportArgs } from './report.inputs';
import { Report } from './report.types';
import { idOrNull } from '../kit/validators';
import { Access, agentMay, readers } from '../../src/graphql/access';

@Resolver()
export class ReportResolver {
  @Access(readers(agentMay.listOwn))
  @Query(() => Report, {
    description:
      'Sessions, actual and billable hours, billable value, billed and unbilled amounts, prepaid hours and overage of the sessions started in [from, to), in total and grouped by client, project, category, month, machine, labor type and/or technician; computed in the database.',
  })
  async report(@Ctx() ctx: Context, @Args(() => ReportArgs) args: ReportArgs): Promise<Report> {
    const { filter } = args;
    const answer = await report(
      ctx,
      { clientId: filter.clientId, projectId: filter.projectId, from: filter.from, to: filter.to, mode: filter.mode },
      args.groupBy ?? [],
    );
    return {
      ...answer,
      groups: answer.groups.map(({ key, figures }) => ({
        key: {
          ...key,
          clientId: idOrNull(key.clientId),
          projectId: idOrNull(key.projectId),
          machineId: idOrNull(key.machineId),
          laborTypeId: idOrNull(key.laborTypeId),
          technicianId: idOrNull(key.technicianId),
        },
        figures,
      })),
    };
  }
}
