package news.platform.site.render;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.site.SiteProperties;

/**
 * Tomcat's per-connection write buffer, sized so a cached page leaves in one socket write. Tomcat
 * copies a response through an 8 KB buffer by default and writes each 8 KB on its own; an article
 * page with its comment section is about 40 KB, so it took five writes, and the profile of the
 * cached page put a third of the site's time in writing (bench/site, docs/site-performance.md). The
 * buffer is per open connection: {@code site.socket-write-buffer} × the connections Tomcat keeps
 * (at most {@code server.tomcat.max-connections}) is the memory it may take.
 */
@Configuration(proxyBeanMethods = false)
class SocketWriteBufferConfiguration {

	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(SiteProperties properties) {
		String bytes = String.valueOf(properties.socketWriteBuffer().toBytes());
		return connector -> connector.setProperty("socket.appWriteBufSize", bytes);
	}

}
