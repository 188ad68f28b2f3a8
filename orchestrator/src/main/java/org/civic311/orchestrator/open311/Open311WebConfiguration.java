package org.civic311.orchestrator.open311;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How Spring MVC serves the Open311 API: the XML writer, the {@link Format} argument, the write limits, the
 * jurisdiction check and CORS for browser-based clients. Needs no bean of its own package, so other packages' web
 * slice tests, which load every {@code WebMvcConfigurer}, still start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({Open311Properties.class, RateLimitProperties.class})
class Open311WebConfiguration implements WebMvcConfigurer {

    private final Open311Properties properties;
    private final RateLimitProperties rateLimits;

    Open311WebConfiguration(Open311Properties properties, RateLimitProperties rateLimits) {
        this.properties = properties;
        this.rateLimits = rateLimits;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.stream().filter(MappingJackson2HttpMessageConverter.class::isInstance).findFirst()
                .map(c -> ((MappingJackson2HttpMessageConverter) c).getObjectMapper())
                .ifPresent(json -> converters.add(0, new Open311XmlConverter(json)));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new FormatResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new WriteLimits(properties, rateLimits)).addPathPatterns("/open311/**");
        registry.addInterceptor(new JurisdictionCheck(properties.jurisdictionId())).addPathPatterns("/open311/v2/**");
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // City websites and apps call the API from browsers; reads are public, submissions carry their own key.
        registry.addMapping("/open311/**").allowedOrigins("*").allowedMethods("GET", "POST");
    }

    /** A handler's {@link Format} parameter: the format its path asks for. */
    private static final class FormatResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Format.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest request, WebDataBinderFactory binders) {
            return Format.of(request.getNativeRequest(HttpServletRequest.class));
        }
    }
}
