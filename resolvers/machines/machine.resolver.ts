import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Machine } from '../../entities/machine.entity';
import { Context } from '../../src/graphql/context';
import { PageArgs } from '../../src/pagination/connection';
import { commandForMachine, findMachine, registerMachine, upFrontCommands } from '../../src/machines/machine.service';
import { CommandTask } from '../../src/machines/command-templates';
import { CommandArgsInput, CommandSuggestion } from './command.types';
import { childConnection } from '../kit/child-connection';
import { SessionConnection } from '../kit/connections';
import { RegisterMachineInput, RegisterMachinePayload } from './machine.inputs';
import { SessionFilterInput } from '../tracking/session.inputs';
import { parseId } from '../kit/validators';
import { inputMutation } from '../kit/record-resolvers';
import { Access, agentMay, readers, writers } from '../../src/graphql/access';

@Resolver(() => Machine)
class MachineResolver {
  @Access(readers())
  @Query(() => Machine, { nullable: true, description: 'One machine, by fingerprint or by id. NOT_FOUND when it is not registered.' })
  machine(
    @Ctx() ctx: Context,
    @Arg('fingerprint', () => String, { nullable: true, description: 'SHA-256 fingerprint (64 hex characters).' }) fingerprint?: string,
    @Arg('id', () => ID, { nullable: true, description: 'Machine id.' }) id?: string,
  ): Promise<Machine> {
    return findMachine(ctx.db, { id: id ? parseId(id, 'id') : undefined, fingerprint });
  }

  @Access(readers(agentMay.always))
  @Query(() => CommandSuggestion, {
    description:
      'The command for a common task on a machine: its platform, shell and PowerShell version, and its own package-manager templates.',
  })
  commandFor(
    @Ctx() ctx: Context,
    @Arg('machineId', () => ID, { description: 'The machine.' }) machineId: string,
    @Arg('task', () => CommandTask, { description: 'The task.' }) task: CommandTask,
    @Arg('args', () => CommandArgsInput, {
      nullable: true,
      description: 'Arguments the task needs (path, package, service, host, pattern, lines).',
    })
    args?: CommandArgsInput,
  ): Promise<CommandSuggestion> {
    return commandForMachine(ctx.db, parseId(machineId, 'machineId'), task, args);
  }

  @FieldResolver(() => SessionConnection, { description: 'Sessions worked from this machine, most recent first.' })
  sessions(
    @Root() machine: Machine,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SessionFilterInput, { nullable: true, description: 'Conditions the sessions must meet.' })
    filter?: SessionFilterInput,
  ): Promise<SessionConnection> {
    return childConnection(SessionConnection, ctx.loaders.sessionsOfMachine, machine.id, page, filter);
  }
}

/** Machine lookups and registration, and its fields. */
export const machineResolvers = [
  MachineResolver,
  inputMutation({
    name: 'registerMachine',
    access: writers(),
    description: 'Registers the calling machine, or updates its capabilities and last-seen time if its fingerprint is known.',
    input: RegisterMachineInput,
    returns: RegisterMachinePayload,
    run: async (ctx, input) => {
      const result = await registerMachine(ctx, input);
      return { ...result, commands: upFrontCommands(result.machine) };
    },
  }),
];
