// The platform's merged document (gateway /v3/api-docs). "Authorize" takes a bearer token;
// calls made from this page then go through the gateway like any other client's.
window.ui = SwaggerUIBundle({
  url: '/v3/api-docs',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false
});
