/** The portal's HTTP layer on Jetty: servlets and filters, constructed with their collaborators (no reflection). */
package org.iep.app.web;
