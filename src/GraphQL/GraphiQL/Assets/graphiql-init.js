// Starts GraphiQL against the endpoint the server wrote into the page. A `query` URL parameter
// pre-fills the editor, so a link can carry an operation.
(function () {
  var root = document.getElementById('graphiql');
  var endpoint = new URL(root.dataset.endpoint, window.location.href).toString();
  var params = new URLSearchParams(window.location.search);
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: params.get('query') || '{\n  serverTime\n}\n',
      defaultEditorToolsVisibility: true,
    }));
})();
