/** The portal's settings (file, environment, system properties) and their validation into {@code AppConfig}. */
package org.iep.app.config;
