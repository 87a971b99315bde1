import { Field, ID, InputType } from 'type-graphql';
import { IsId } from './validators';

const inputs = new Map<string, Function>();

/** `Archive<Type>Input { id }`: one input type per archive mutation, as the API convention asks. */
export function archiveInputFor(typeName: string): new () => { id: string } {
  if (!inputs.has(typeName)) {
    @InputType(`Archive${typeName}Input`, { description: `The ${typeName} to archive; it stays readable with its history.` })
    class ArchiveInput {
      @Field(() => ID, { description: `Id of the ${typeName}.` })
      @IsId()
      id: string;
    }
    inputs.set(typeName, ArchiveInput);
  }
  return inputs.get(typeName) as new () => { id: string };
}
