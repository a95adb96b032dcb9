/**
 * The REST API for institutions' systems ({@code /api/v1}): API-key clients acting as IEP users, JSON bodies mapped to
 * the core's commands, problem documents with stable codes, and the OpenAPI description.
 */
package org.iep.app.rest;
