import { MaxLength } from 'class-validator';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { WorkCategory } from '../../entities/work-item.entity';
import { NotBlank } from '../kit/validators';

@ArgsType()
export class CategorizeWorkArgs {
  @Field(() => String, { description: 'Work-log or transcript text (1 to 20000 characters).' })
  @NotBlank()
  @MaxLength(20000)
  text: string;
}

@ObjectType({ description: 'What a piece of work was, worked out from its text by fixed rules and dictionaries (no model, no network).' })
export class WorkCategorization {
  @Field(() => WorkCategory, { description: 'The category that fits best (OTHER when nothing matched).' })
  category: WorkCategory;

  @Field(() => Int, { description: 'How sure the rules are, 0 to 100.' })
  confidence: number;

  @Field(() => [String], { description: 'Tag names: technologies first, then the category.' })
  tags: string[];

  @Field(() => [String], { description: 'Commands mentioned.' })
  commands: string[];

  @Field(() => [String], { description: 'File paths mentioned.' })
  files: string[];

  @Field(() => [String], { description: 'Host names and IP addresses mentioned.' })
  hosts: string[];

  @Field(() => [String], { description: 'Technologies mentioned, by canonical name.' })
  technologies: string[];

  @Field(() => String, { description: 'One dense line describing the work (at most 160 characters).' })
  description: string;

  @Field(() => String, { description: 'All of it on one line an agent can paste.' })
  text: string;
}
