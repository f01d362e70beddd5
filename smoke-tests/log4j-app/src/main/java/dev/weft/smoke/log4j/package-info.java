/** A Tomcat application that logs through Log4j 2. It prints {@code READY <port>} on stdout once it serves. */
package dev.weft.smoke.log4j;
