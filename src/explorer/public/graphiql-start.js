// GraphiQL against this server's /graphql, from the globals the UMD builds above define (React, ReactDOM, GraphiQL).
// The fetcher POSTs JSON, which Apollo's CSRF protection lets through; the token goes in the Headers tab.
/* global React, ReactDOM, GraphiQL */
const START = `# Log in, then send the token from the Headers tab below:
# { "Authorization": "Bearer <accessToken>" }
mutation Login {
  login(input: { email: "admin@localhost", password: "" }) {
    accessToken
  }
}
`;

// no @defer or @stream here (graphql 16): plain JSON answers, no multipart parsing
const fetcher = GraphiQL.createFetcher({ url: '/graphql', enableIncrementalDelivery: false });

ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: START, defaultEditorToolsVisibility: 'headers' }),
);
