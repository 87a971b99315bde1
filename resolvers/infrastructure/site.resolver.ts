import { Client } from '../../entities/client.entity';
import { Site } from '../../entities/site.entity';
import { childLists } from '../../src/loaders/child-lists';
import { createSite, updateSite } from '../../src/infrastructure/infrastructure.service';
import { InfrastructureConnection, SiteConnection } from '../kit/connections';
import { CreateSiteInput, UpdateSiteInput } from './infrastructure.inputs';
import { archiveMutation, belongsTo, hasMany, inputMutation } from '../kit/record-resolvers';
import { writers } from '../../src/graphql/access';

export const siteResolvers = [
  inputMutation({
    name: 'createSite',
    access: writers(),
    description: 'Records a site of a client.',
    input: CreateSiteInput,
    returns: Site,
    run: createSite,
  }),
  inputMutation({
    name: 'updateSite',
    access: writers(),
    description: 'Changes a site.',
    input: UpdateSiteInput,
    returns: Site,
    run: updateSite,
  }),
  archiveMutation(Site, 'Site', 'Archives a site; it keeps its history and leaves the lists.'),
  belongsTo({ on: Site, name: 'client', description: 'The client.', target: Client, key: 'clientId', required: true }),
  hasMany({
    on: Site,
    name: 'infrastructure',
    description: 'Active infrastructure at this site, by host name.',
    connection: InfrastructureConnection,
    spec: childLists.infrastructureOfSite,
  }),
  hasMany({
    on: Client,
    name: 'sites',
    description: 'Active sites of the client, by name.',
    connection: SiteConnection,
    spec: childLists.sitesOfClient,
  }),
];
