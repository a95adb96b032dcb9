/**
 * The pages for individuals (patients, lawyers, GPs): server-rendered, no identifying data or tokens in URLs after
 * the link's first use, every POST CSRF-checked, every permission decided by iep-core.
 */
package org.iep.app.web.individual;
